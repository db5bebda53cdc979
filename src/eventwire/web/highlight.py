"""Article highlighting: the text cut into sentences and pieces marked as actor or trigger.

The page template renders these pieces with autoescaping; nothing here produces HTML, so stored
text can never become markup. Offsets index the article's text, as stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from eventwire.document import body_of
from eventwire.records import Actor, Article, Event


@dataclass
class Piece:
    """A run of text with one meaning: plain, an actor mention, or an event's trigger."""

    text: str
    actor: str | None = None  # the actor code (or "" for an uncoded actor)
    actor_name: str | None = None
    trigger: bool = False


@dataclass
class Block:
    """A sentence (``index`` set) or the text between sentences (``index`` None)."""

    index: int | None
    pieces: list[Piece] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # ids of events read in this sentence


def _mentions(actors: Iterable[Actor]) -> list[tuple[int, int, str, str]]:
    spans = sorted(
        ((m.start, m.end, a.code, a.name) for a in actors for m in a.mentions),
        key=lambda s: (s[0], -(s[1] - s[0])),
    )
    kept: list[tuple[int, int, str, str]] = []
    for span in spans:
        # Overlapping mentions ("Iran" inside "Iran's top security official") keep the first,
        # longest one: a piece of text is marked as one actor at most.
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def highlight(
    article: Article,
    sentences: Sequence[tuple[int, int, int]],
    actors: Iterable[Actor],
    events: Iterable[Event],
) -> list[Block]:
    """The article's text as blocks of pieces, for the article page."""
    body = body_of(article)
    n = len(body)
    by_sentence: dict[int, list[str]] = {}
    triggers: list[tuple[int, int]] = []
    for event in events:
        by_sentence.setdefault(event.sentence, []).append(event.event_id)
        start, end = event.span
        if 0 <= start < end <= n:
            triggers.append((start, end))
    mentions = [m for m in _mentions(actors) if 0 <= m[0] < m[1] <= n]
    # A sentence's stored span may run over the blank line after it; marking that would
    # highlight an empty line, so each span ends at its last visible character.
    sentences = [(i, s, s + len(body[s:e].rstrip())) for i, s, e in sentences]
    cuts = {0, n}
    for _, start, end in sentences:
        cuts.update((max(0, min(start, n)), max(0, min(end, n))))
    for start, end, _, _ in mentions:
        cuts.update((start, end))
    for start, end in triggers:
        cuts.update((start, end))
    bounds = sorted(cuts)
    spans = sorted((max(0, s), min(e, n), i) for i, s, e in sentences if s < e)
    blocks: list[Block] = []
    for left, right in pairwise(bounds):
        index = next((i for s, e, i in spans if s <= left and right <= e), None)
        if not blocks or blocks[-1].index != index:
            blocks.append(
                Block(index, events=by_sentence.get(index, []) if index is not None else [])
            )
        mention = next((m for m in mentions if m[0] <= left and right <= m[1]), None)
        piece = Piece(
            body[left:right],
            actor=mention[2] if mention else None,
            actor_name=mention[3] if mention else None,
            trigger=any(s <= left and right <= e for s, e in triggers),
        )
        blocks[-1].pieces.append(piece)
    return blocks
