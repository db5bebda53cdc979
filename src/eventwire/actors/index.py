"""Finding the actor behind a character span (a subject's subtree) in O(log n) per query.

The index itself is per-article state (:class:`eventwire.document.ActorIndex`, kept by the
Document); these are the questions the actors and events stages ask of it.
"""

from __future__ import annotations

from eventwire.document import Document
from eventwire.records import Actor


def actor_at(doc: Document, start: int, end: int) -> Actor | None:
    """The actor whose mention best covers the characters start..end of ``doc.body``."""
    return doc.actor_index().at(start, end)


def actors_in(doc: Document, start: int, end: int) -> list[Actor]:
    """Every actor mentioned in start..end ("Iran, Russia and China" -> three actors)."""
    return doc.actor_index().within(start, end)
