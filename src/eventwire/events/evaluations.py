"""Evaluative descriptions: "X called Y a clown", "described the speech as flat", "hailed the
pipeline as an advancement".  The description's words decide the act: criticism (CAMEO 111)
when they are negative, praise (051) when positive, no event when neutral ("called Trump a
candidate").  Valences come from the VADER lexicon (vaderSentiment, MIT) with the political
words of ``data/vocabulary/event_evaluations.tsv`` over it; a negation in the description
turns it round ("called it not a failure")."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from eventwire import vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Token

WORDS = "event_evaluations"
DESCRIBING = frozenset(vocabulary.listed(WORDS, "describing"))
CRITICISM, PRAISE = "111", "051"
# A description counts when its words add up to at least this much either way (VADER's scale
# runs -4..+4; "flat" -1.0 alone is enough, "candidate" 0 is not).
THRESHOLD = 1.0
# Dependencies that hold the description given to a verb's object.
COMPLEMENT_DEPS = {"oprd", "attr", "acomp"}
NEGATIONS = {"not", "no", "never", "n't"}


@cache
def valences() -> dict[str, float]:
    """VADER's word valences, with ours over them."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    found: dict[str, float] = {}
    for line in text.splitlines():
        word, _, rest = line.partition("\t")
        if rest and " " not in word:
            found[word] = float(rest.split("\t", 1)[0])
    for word, value in vocabulary.mapping(WORDS, "word", "valence").items():
        if value:
            found[word] = float(value)
    return found


def description(verb: Token) -> list[Token]:
    """The words of the description a describing verb gives its object: the object complement
    ("called Trump a clown"), else its "as" phrase ("described the speech as flat")."""
    # The last complement: spaCy may read the object itself as a first one ("called Trump
    # [oprd] a national embarrassment [oprd]").
    complements = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS]
    if complements:
        return list(complements[-1].subtree)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            return [t for t in child.subtree if t is not child]
    return []


def score(words: list[Token]) -> float:
    """The summed valence of a description's words, turned round by a negation in it."""
    table = valences()
    total = sum(table.get(t.lower_, table.get(t.lemma_.lower(), 0.0)) for t in words)
    return -total if any(t.lower_ in NEGATIONS for t in words) else total


def evaluative_code(verb: Token) -> str | None:
    """111 or 051 when ``verb`` gives its object a negative or positive description; None when
    it is no describing verb, gives no description, or a neutral one."""
    if verb.lemma_.lower() not in DESCRIBING:
        return None
    value = score(description(verb))
    if value <= -THRESHOLD:
        return CRITICISM
    if value >= THRESHOLD:
        return PRAISE
    return None
