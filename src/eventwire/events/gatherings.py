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

if TYPE_CHECKING:
    from spacy.tokens import Token

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
