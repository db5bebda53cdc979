"""The countries of the place phrases of a document, for events whose target is where they happened.

Places are not actors (the actors stage reads "in Nairobi" after a verb as where something
happened), but an event with no named target still has a state on the receiving end: the
protest "in Beijing" is aimed at China, the attack on a parade "in the Iranian city of Ahvaz" at
Iran.  :mod:`eventwire.geo` already finds and geocodes every place phrase ("in Tehran", "the
city of Ahvaz", "Hodeidah province") with a nearby country word or the article's main country
as tie-breaker; this module keeps its countries per place-name token, once per parsed document.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from eventwire.actors.index import actors_in
from eventwire.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.pipeline import Document

# One table per document, dropped with it (parsed docs are not hashable by content).
_CACHE: dict[int, tuple[weakref.ref[Document], dict[int, Actor]]] = {}


def _table(doc: Document) -> dict[int, Actor]:
    cached = _CACHE.get(id(doc))
    if cached is not None and cached[0]() is doc:
        return cached[1]
    from eventwire.geo import article_country, place_refs

    hint = article_country([a.code for a in doc.actors if a.code])
    table: dict[int, Actor] = {}
    for ref in place_refs(doc.parsed, hint):
        loc = ref.location
        if loc.country:
            table[ref.head] = Actor(loc.name, loc.country, loc.country, None, "place", "gazetteer")
    key = id(doc)
    _CACHE[key] = (weakref.ref(doc, lambda _ref: _CACHE.pop(key, None)), table)
    return table


def place_actor(doc: Document, phrase: Token) -> Actor | None:
    """The state of the first place named inside a phrase ("the southern Iranian city of Ahvaz"
    -> IRN), from the gazetteer or, for a country or capital, the actor lexicon's country."""
    table = _table(doc)
    for token in phrase.subtree:
        if token.i in table:
            return table[token.i]
    lo, hi = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge.text)
    for actor in actors_in(doc, lo, hi):
        if actor.kind in ("country", "capital") and actor.country:
            return Actor(actor.name, actor.country, actor.country, None, "place", "lexicon")
    return None


def place_at(doc: Document, index: int) -> Actor | None:
    """The state of the place phrase whose head is token ``index``, if it is one."""
    return _table(doc).get(index)
