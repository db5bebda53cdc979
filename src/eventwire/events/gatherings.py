"""Document memory of the parties enumerated together: "the participating nations", "both sides".

A report names the members of a gathering once ("officials from Iran, Russia, China, India and
Afghanistan attended a meeting") and then refers to them as a group: "cooperation among *the
participating nations*", "*the two countries* agreed", "discussed among *the five attending
countries*".  CAMEO codes an event with such a group as one event per member, so the group
phrase is resolved to the countries last enumerated together before it (the source's own
country is dropped by the coder: nobody appeals to itself).  A number in the phrase picks the
last enumeration of that size ("the two countries" after "Iran, Russia and China ... Iran and
Iraq" -> Iran and Iraq).

Only marked group phrases are resolved -- a participation word ("participating", "attending",
"member"), "both", or a number -- since a bare "the countries" or "regional states" may mean
anyone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.events.parties import Party
    from eventwire.pipeline import Document

GROUP_NOUNS = {"nation", "country", "state", "side", "party", "member", "participant", "government"}
PARTICIPATION = {"participating", "attending", "participant", "member", "present", "concerned"}
NUMBERS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def group_size(token: Token) -> int | None:
    """0 for a marked group phrase of any size, its size when it says one, None otherwise."""
    # a singular noun ("the state") is one party, not a group
    if token.tag_ != "NNS" or token.lemma_.lower() not in GROUP_NOUNS:
        return None
    size: int | None = None
    for child in token.children:
        word = child.lower_
        if word in NUMBERS:
            size = NUMBERS[word]
        elif child.like_num and word.isdigit():
            size = int(word)
        elif word in PARTICIPATION or child.lemma_.lower() in ("participate", "attend"):
            size = size or 0
    return size


def enumerations(doc: Document, before: int) -> list[list[Party]]:
    """Noun phrases before token ``before`` that name two or more countries, in text order."""
    from eventwire.events.parties import actors_of

    found: list[list[Party]] = []
    for token in doc.parsed[:before]:
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        named = [
            p
            for p in actors_of(doc, token, "enumerated", refer=False)
            if p.actor and p.actor.country
        ]
        if len({p.actor.country for p in named if p.actor}) >= 2:
            found.append(named)
    return found


def members(doc: Document, token: Token, how: str) -> list[Party]:
    """The parties a marked group phrase refers to, or [] when it is not one or none precede."""
    from eventwire.events.parties import Party

    size = group_size(token)
    if size is None:
        return []
    for group in reversed(enumerations(doc, token.i)):
        countries = {p.actor.country for p in group if p.actor}
        if size in (0, len(countries)):
            return [Party(p.actor, token.i, f"{how}:group-ref") for p in group]
    return []
