"""Finding the actor behind a character span (a subject's subtree) in O(log n) per query."""

from __future__ import annotations

import weakref
from bisect import bisect_left
from typing import TYPE_CHECKING

from eventwire.records import Actor

if TYPE_CHECKING:
    from eventwire.pipeline import Document


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


# One index per document, rebuilt when its actor list is replaced or grows.
_CACHE: dict[int, tuple[weakref.ref[Document], int, int, ActorIndex]] = {}


def index_of(doc: Document) -> ActorIndex:
    """The (cached) index of ``doc.actors``."""
    size = sum(len(a.mentions) for a in doc.actors)
    cached = _CACHE.get(id(doc))
    if cached is not None:
        ref, actors_id, count, index = cached
        if ref() is doc and actors_id == id(doc.actors) and count == size:
            return index
    index = ActorIndex(doc.actors)
    key = id(doc)
    _CACHE[key] = (
        weakref.ref(doc, lambda _ref: _CACHE.pop(key, None)),
        id(doc.actors),
        size,
        index,
    )
    return index


def actor_at(doc: Document, start: int, end: int) -> Actor | None:
    """The actor whose mention best covers the characters start..end of ``doc.body``."""
    return index_of(doc).at(start, end)


def actors_in(doc: Document, start: int, end: int) -> list[Actor]:
    """Every actor mentioned in start..end ("Iran, Russia and China" -> three actors)."""
    return index_of(doc).within(start, end)
