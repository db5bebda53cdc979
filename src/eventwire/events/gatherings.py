"""Document memory of the parties enumerated together: "the participating nations", "both sides".

A report names the members of a gathering once ("officials from Iran, Russia, China, India and
Afghanistan attended a meeting") and then refers to them as a group: "cooperation among *the
participating nations*", "*the two countries* agreed", "discussed among *the five attending
countries*".  CAMEO codes an event with such a group as one event per member, so the group
phrase is resolved to the countries last enumerated together before it (the source's own
country is dropped by the coder: nobody appeals to itself).  A number in the phrase picks the
last enumeration of that size ("the two countries" after "Iran, Russia and China ... Iran and
Iraq" -> Iran and Iraq).

This module says which phrases are such group references (:func:`group_size`);
:func:`eventwire.events.parties.group_members` resolves them.  Only marked group phrases are
resolved -- a participation word ("participating", "attending",
"member"), "both", or a number -- since a bare "the countries" or "regional states" may mean
anyone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire import vocabulary
from eventwire.actors.roles import PERSON_ROLES, ROLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Plural nouns that refer back to parties enumerated before ("the two countries"), the words
# that mark such a group ("the participating nations") and the number words that size it
# (data/vocabulary/event_party_words.tsv).
GROUP_NOUNS = frozenset(vocabulary.listed("event_party_words", "group_noun"))
PARTICIPATION = frozenset(vocabulary.listed("event_party_words", "participation"))
NUMBERS = {
    row["word"]: int(row["number"])
    for row in vocabulary.table("event_party_words")
    if row["list"] == "number"
}
# Verbs whose participle marks a group phrase too ("the nations attending").
ATTENDING = frozenset(vocabulary.listed("verb_classes", "attending"))


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
        elif word in PARTICIPATION or child.lemma_.lower() in ATTENDING:
            size = size or 0
    return size


# Singular role words whose plural may refer back to named people ("the energy ministers").
ROLE_NOUNS = PERSON_ROLES | ROLE_WORDS.keys()


def role_plural(token: Token) -> tuple[str, frozenset[str], int] | None:
    """ "the energy ministers", "the two foreign ministers": a definite plural of a person's
    role, as (role, the words that narrow it, its size or 0); None for any other phrase.
    Only "the" or a number makes it refer back: "ministers met" may be anyone."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in ROLE_NOUNS:
        return None
    size, definite = 0, False
    narrowing: set[str] = set()
    for child in token.children:
        word = child.lower_
        if child.dep_ == "det":
            definite = definite or word == "the"
        elif word in NUMBERS:
            size = NUMBERS[word]
        elif child.like_num and word.isdigit():
            size = int(word)
        elif child.dep_ in ("compound", "amod") and child.i < token.i:
            narrowing.add(child.lemma_.lower())
        elif child.dep_ in ("poss", "prep", "acl", "relcl"):
            return None  # "the ministers of the bloc", "their ministers": not a back-reference
    if not definite and not size:
        return None
    return token.lemma_.lower(), frozenset(narrowing), size
