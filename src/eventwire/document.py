"""The article on its way through the stages, and the per-article state every stage shares.

This module is the bottom of the pipeline: it imports only records and text cleaning, so any
stage (nlp, actors, events, when/where, dedupe, offsets) can take a :class:`Document` without
importing the pipeline that runs them (:mod:`eventwire.pipeline`).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from eventwire.clean import OffsetMap, clean_with_offsets, unwrap_lines
from eventwire.records import Actor, Article, Event, Notice, PlaceRef, Sentence


def body_of(article: Article) -> str:
    """The text that is coded: the article's text, which every stored offset indexes.

    The parser reads its normalised form (:attr:`Document.body`); the last stage maps what it
    found back onto this string (see :mod:`eventwire.offsets`).
    """
    return article.text


@dataclass
class Document:
    """An article on its way through the stages; each stage fills its own part.

    ``body`` is ``clean_text`` of the article's text (with wrapped lines joined when the article
    is ``wrapped``): what the parser reads and every stage indexes. ``body_map`` says where each
    of its characters is in the article's text (None when the text was clean already: offsets
    are the same in both). The last stage, ``offsets``, moves sentence, mention and event
    offsets from ``body`` to the article's text and sets ``on_text``. ``parsed`` is the spaCy
    ``Doc`` of ``body`` (set by the nlp stage, never stored).
    """

    article: Article
    body: str = ""
    body_map: OffsetMap | None = None
    on_text: bool = False
    parsed: Any = None
    # The spaCy Doc of the title, parsed with the batch's bodies when it has one (a headline may
    # name the story's city: eventwire.whenwhere.places.headline_city).
    title_parsed: Any = None
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Why each event was coded (event_id -> explanation), for `eventwire explain`.
    explanations: dict[str, dict[str, Any]] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    # MinHash of the body (see eventwire.dedupe): the store groups near-duplicates into stories.
    fingerprint: bytes | None = None
    # The place phrases of the body, found once (eventwire.whenwhere.places.places_of): event
    # targets and event locations read the same list.
    places: list[PlaceRef] | None = None
    # The state of each of those places by its head token (eventwire.events.place_states),
    # built once: the coder asks it for every token of a sentence.
    place_states: dict[int, Actor] | None = None
    # The index of ``actors``' mentions, rebuilt when the list is replaced or grows.
    _index: tuple[int, int, ActorIndex] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.body:
            self.body, self.body_map = clean_with_offsets(body_of(self.article))
            if self.article.wrapped:
                self.body = unwrap_lines(self.body)

    def actor_index(self) -> ActorIndex:
        """The index of the actors' mentions (built on first use, rebuilt when they change)."""
        size = sum(len(a.mentions) for a in self.actors)
        if self._index is not None:
            actors_id, count, index = self._index
            if actors_id == id(self.actors) and count == size:
                return index
        index = ActorIndex(self.actors)
        self._index = (id(self.actors), size, index)
        return index


class ActorIndex:
    """Mentions sorted by start, with the running maximum of their ends for overlap queries."""

    def __init__(self, actors: list[Actor]) -> None:
        spans = sorted(
            (m.start, m.end, n) for n, actor in enumerate(actors) for m in actor.mentions
        )
        self.actors = actors
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.max_end: list[int] = []
        top = -1
        for _, end, _ in spans:
            top = max(top, end)
            self.max_end.append(top)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Mentions overlapping [start, end), in text order."""
        hi = bisect_left(self.starts, end)
        found = []
        j = hi - 1
        # Walk back only while some earlier mention can still reach past ``start``.
        while j >= 0 and self.max_end[j] > start:
            if self.spans[j][1] > start:
                found.append(self.spans[j])
            j -= 1
        found.reverse()
        return found

    def at(self, start: int, end: int) -> Actor | None:
        """The actor whose mention covers most of the span (the leftmost on a tie)."""
        best: tuple[int, int] | None = None
        for m_start, m_end, n in self.overlapping(start, end):
            overlap = min(end, m_end) - max(start, m_start)
            if best is None or overlap > best[0]:
                best = (overlap, n)
        return self.actors[best[1]] if best else None

    def within(self, start: int, end: int) -> list[Actor]:
        """Distinct actors mentioned in the span, in order of first mention there."""
        seen: list[Actor] = []
        for _, _, n in self.overlapping(start, end):
            actor = self.actors[n]
            if all(actor is not other for other in seen):
                seen.append(actor)
        return seen
