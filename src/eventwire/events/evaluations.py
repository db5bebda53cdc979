"""Evaluative descriptions: "X called Y a clown", "described the speech as flat", "hailed the
pipeline as an advancement".  The description's words decide the act: criticism (CAMEO 111)
when they are negative, praise (051) when positive, no event when neutral ("called Trump a
candidate").  Valences come from the VADER lexicon (vaderSentiment, MIT) with the political
words of ``data/vocabulary/event_evaluations.tsv`` over it; a negation in the description
turns it round ("called it not a failure").

Verbs of force said of politicians ("blasted Trump", "the senator attacked the governor") are
criticism too (:func:`verbal_attack_code`; word lists in ``event_verbal_attacks.tsv``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from eventwire import vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.events.parties import Party

WORDS = "event_evaluations"
DESCRIBING = frozenset(vocabulary.listed(WORDS, "describing"))
CRITICISM, PRAISE = "111", "051"
# A description counts when its words add up to at least this much either way (VADER's scale
# runs -4..+4; "flat" -1.0 alone is enough, "candidate" 0 is not).
THRESHOLD = 1.0
# Dependencies that hold the description given to a verb's object.
COMPLEMENT_DEPS = {"oprd", "attr", "acomp"}
NEGATIONS = {"not", "no", "never", "n't"}

ATTACKS = "event_verbal_attacks"
VERBAL_ON_PERSON = frozenset(vocabulary.listed(ATTACKS, "verbal_on_person"))
VERBAL_BETWEEN_PARTIES = frozenset(vocabulary.listed(ATTACKS, "verbal_between_parties"))
POLITICAL_SECTORS = frozenset(vocabulary.listed(ATTACKS, "political_sector"))
ARMED_SECTORS = frozenset(vocabulary.listed(ATTACKS, "armed_sector"))
# Material conflict: coerce (17) is left out, its verbs ("pressed", "squeezed") are no force verbs.
MATERIAL_ROOTS = {"18", "19", "20"}


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


def _sectors(party: Party) -> set[str]:
    """The sectors of a party's code: "USAGOVLEG" has GOV and LEG (country codes are three
    letters; IGO and NGO codes name no sector this rule reads)."""
    code = party.code
    return {code[i : i + 3] for i in range(3, len(code), 3)}


def _political(party: Party) -> bool:
    return bool(_sectors(party) & POLITICAL_SECTORS)


def _person_or_political(party: Party) -> bool:
    actor = party.actor
    return actor is not None and (actor.kind == "person" or _political(party))


def verbal_attack_code(verb: Token, code: str, sources: list[Party], targets: list[Party]) -> str:
    """Criticism (111) for a verb of force whose parties make it words: "blasted Trump" (a
    person or political body as object of a verb whose material sense takes none, from a
    source that is no armed force), "the senator attacked the governor" (political actors on
    both sides); else ``code`` as it was."""
    if code[:2] not in MATERIAL_ROOTS:
        return code
    lemma = verb.lemma_.lower()
    named_sources = [p for p in sources if p.code]
    named_targets = [p for p in targets if p.code]
    if not named_sources or not named_targets:
        return code
    if lemma in VERBAL_ON_PERSON:
        armed = any(_sectors(p) & ARMED_SECTORS for p in named_sources)
        if not armed and all(_person_or_political(p) for p in named_targets):
            return CRITICISM
    between_parties = all(_political(p) for p in named_sources + named_targets)
    if lemma in VERBAL_BETWEEN_PARTIES and between_parties:
        return CRITICISM
    return code
