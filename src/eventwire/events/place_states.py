"""The countries of the place phrases of a document, for events whose target is where they happened.

Places are not actors (the actors stage reads "in Nairobi" after a verb as where something
happened), but an event with no named target still has a state on the receiving end: the
protest "in Beijing" is aimed at China, the attack on a parade "in the Iranian city of Ahvaz" at
Iran. :func:`eventwire.whenwhere.places.places_of` finds and geocodes every place phrase once
per article ("in Tehran", "the city of Ahvaz", "Hodeidah province"), with a nearby country word or
the article's main country as tie-breaker, for event locations too; this module reads their
countries by place-name token.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors.index import actors_in
from eventwire.document import Document
from eventwire.records import Actor
from eventwire.whenwhere.places import places_of

if TYPE_CHECKING:
    from spacy.tokens import Token


def _table(doc: Document) -> dict[int, Actor]:
    """The state of each place phrase, by the token index of its head (built once per article)."""
    if doc.place_states is None:
        doc.place_states = {
            ref.head: Actor(ref.location.name, country, country, None, "place", "gazetteer")
            for ref in places_of(doc)
            if (country := ref.location.country)
        }
    return doc.place_states


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
