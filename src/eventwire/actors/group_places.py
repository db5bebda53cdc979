"""The country of a place attached to a noun: "police in Nairobi", "rebels in the Ivory Coast".

Places are not actors (the events stage reads "in Nairobi" after a verb as where something
happened), but a place phrase *inside* a group's noun phrase says whose group it is: the
prepositional phrase hangs on the noun in the parse, not on the verb. Places come from the
lexicon (countries, capitals, Phoenix's city lists) and then from the offline gazetteer
(:mod:`eventwire.whenwhere.gazetteer`), whose ambiguous names ("Tripoli") are settled by a
country named in the same sentence or left alone.
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.draft import Work
from eventwire.actors.roles import COUNTRY_KINDS
from eventwire.actors.wordlists import PLACES, word_list
from eventwire.whenwhere import gazetteer

# The words live in data/vocabulary/actor_places.tsv.
# "of" and "from" are left out on purpose: "leaders of X" names a part of X, often an
# organisation, and "officials from Iran, Russia and China" is a list of countries, one actor
# each (states._from_countries).
LOCATED_PREPS = word_list(PLACES, "group_prep")
# After "in", spaCy's small model often calls a lesser-known town a PERSON ("in Sivas"); the
# preposition and the gazetteer are the evidence then. Organisations and nationalities are not.
NOT_PLACE_LABELS = frozenset({"ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL"})
# Participles that locate a group where it lives or works: "a group based in Trinidad", "rebels
# operating in Macedonia". Motion verbs are left out ("troops sent to Iraq" are not Iraqi).
LOCATING_VERBS = word_list(PLACES, "locating_verb")


def place_country(work: Work, noun: Any, with_of: bool = False) -> tuple[str, str] | None:
    """(country, how) for a noun with a locative phrase naming a known place, else None.

    ``with_of`` also reads "of": right for a people ("the Albanians of southern Serbia").
    """
    preps = LOCATED_PREPS | {"of"} if with_of else LOCATED_PREPS
    children = list(noun.children)
    for clause in noun.children:
        if clause.dep_ in ("acl", "amod") and clause.lemma_.lower() in LOCATING_VERBS:
            children.extend(clause.children)  # "a newspaper based in Beirut"
    for prep in children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            found = _country_at(work, pobj)
            if found is not None:
                return found[0], f"{prep.lower_} {found[1]}"
    return None


def _country_at(work: Work, token: Any) -> tuple[str, str] | None:
    hit = work.hit_covering(token.i)
    if hit is not None:
        match = hit.first("country", "capital")
        if match is None or not match.code:
            return None
        country = work.lexicon.country_of(match.code)
        return (country, f"'{hit.key}'") if country else None
    name = _proper_name(work, token)
    if name is None:
        return None
    country = gazetteer.country_of(name, sentence_country(work, token.i))
    return (country, f"'{name}' (gazetteer)") if country else None


def _proper_name(work: Work, token: Any) -> str | None:
    """The proper-noun run ending at ``token`` unless spaCy calls it something else."""
    if token.pos_ != "PROPN" or token.ent_type_ in NOT_PLACE_LABELS:
        return None
    tokens = work.parsed
    start = token.i
    while start - 1 >= 0 and tokens[start - 1].ent_iob_ == "I" and start - 1 >= token.left_edge.i:
        start -= 1
    if tokens[start].ent_iob_ == "I" and start > 0:
        start -= 1  # the B token of the entity
    words = [t for t in tokens[start : token.i + 1] if t.lower_ != "the"]
    text = " ".join(t.text for t in words)
    return text or None


def sentence_country(work: Work, i: int) -> str | None:
    """The first country named in the sentence of token ``i`` (a hint for ambiguous places)."""
    sent = work.sents[work.sent_of[i]]
    for hit in work.hits:
        if hit.start < sent.start:
            continue
        if hit.start >= sent.end:
            break
        match = hit.first(*COUNTRY_KINDS)
        if match is not None and match.code:
            country = work.lexicon.country_of(match.code)
            if country:
                return country
    return None
