"""Arrests and convictions told in the passive with no agent: "twenty people were arrested",
"Khan was convicted of terrorism".

News leaves the doer out because it can only be the state's police or courts, and news coders
code it so (the Wikinews gold: the arrests after a Washington riot USACOP -> USAOPP, a
conviction GBRJUD -> GBRCRM). The authority is the arrested party's own country's, and only
where that country is where it happened: a place of it named on the verb ("were arrested in
Minsk"), else the country the article is about (an arrest abroad is news of a foreign state's
charge, which the PLOVER gold codes as an accusation, not an arrest). Only the
verbs of ``event_implied_authorities.tsv`` (arrest, detain, charge, convict, sentence ...), only
with no agent and no source found otherwise, and only when the arrested party is a coded actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire import vocabulary
from eventwire.events import parties
from eventwire.events.crowds import lead_country
from eventwire.events.parties import Party
from eventwire.events.place_states import place_actor
from eventwire.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.document import Document

# Verb lemma -> the sector of the authority its agentless passive implies.
AUTHORITY = vocabulary.mapping("event_implied_authorities", "verb", "sector")
# Verb lemma -> the passive subject it needs when that subject is what is filed, not who is
# charged ("charges were filed / brought against X"): the rows with a subject.
CHARGE_FILING = {
    verb: subject
    for verb, subject in vocabulary.mapping("event_implied_authorities", "verb", "subject").items()
    if subject
}


def implied(
    doc: Document, verb: Token, found: list[Party]
) -> tuple[list[Party], list[Party], str] | None:
    """(sources, targets, how the targets were found) of an agentless passive arrest or
    conviction, else None; ``found`` are the targets the target rules found ("charges were
    filed against X": X)."""
    lemma = verb.lemma_.lower()
    if lemma not in AUTHORITY or not _agentless_passive(verb):
        return None
    sector = AUTHORITY[lemma]
    subject = parties.passive_target(verb)
    if subject is None:
        return None
    if lemma in CHARGE_FILING:
        # "charges were filed against X": the charges are what is filed, X is charged.
        if subject.lemma_.lower() != CHARGE_FILING[lemma]:
            return None
        targets, how = [p for p in found if p.code], "found"
    else:
        targets = [p for p in parties.actors_of(doc, subject, "nsubjpass") if p.code]
        how = "nsubjpass"
    if not targets:
        return None
    country = _country_of(targets)
    where = _where(doc, verb)
    if not country or (where or lead_country(doc)) != country:
        # Arrested abroad ("a missionary from Calgary was arrested in Lebanon for collaborating
        # with Israel"): news of a foreign state's charge, which the PLOVER gold codes as its
        # accusation (DISAPPROVE), not as the arrest: left to the lexicon. With no place on
        # the verb the article must be about the arrested party's country: a nationality is
        # named when it is news ("two Greek journalists were arrested", maybe in Turkey).
        return None
    name = "police" if sector == "COP" else "courts"
    authority = Actor(f"{country} {name}", country + sector, country, sector, "agent", "implied")
    return [Party(authority, verb.i, "passive:implied-authority")], targets, how


def _agentless_passive(verb: Token) -> bool:
    """ "were arrested" (or "and charged", a passive conjunct) with no "by" phrase."""
    children = {c.dep_ for c in verb.children}
    return (
        "agent" not in children
        and verb.tag_ == "VBN"
        and ("nsubjpass" in children or "auxpass" in children or verb.dep_ == "conj")
    )


def _country_of(targets: list[Party]) -> str | None:
    """The arrested parties' one country."""
    countries = {p.actor.country for p in targets if p.actor is not None}
    return countries.pop() if len(countries) == 1 else None


def _where(doc: Document, verb: Token) -> str | None:
    """The country of a place named on the verb ("were arrested in Minsk"), if any."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
            place = place_actor(doc, prep)
            if place is not None and place.country:
                return place.country
    return None
