"""What a coded verb asserts: negation, future and intent, hypotheticals, questions.

A verb's event is kept as *happened* only when the text asserts it.  ``did not attack`` is kept but
marked negated; ``will visit`` / ``pledged to visit`` become the CAMEO "express intent" code the
codebook gives for the event's root (036 for a meeting, 138 for military force); questions,
conditionals ("if it attacks"), modals of possibility ("could attack") and wishes ("wants to
attack") are not coded at all, since nothing in them happened or was committed to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire import vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Token

# The words of each rule are data (data/vocabulary/verb_moods.tsv, the list column).
MOODS = "verb_moods"
HYPOTHETICAL_AUX = frozenset(vocabulary.listed(MOODS, "hypothetical_aux"))
FUTURE_AUX = frozenset(vocabulary.listed(MOODS, "future_aux"))
CONDITIONAL_MARKS = frozenset(vocabulary.listed(MOODS, "conditional_mark"))
# Words that negate the verb they modify, whatever the parser calls them ("never attacked").
NEGATION = frozenset(vocabulary.listed(MOODS, "negation"))
# Governing verbs: "X refused to attack" did not happen; "X plans to attack" is an intent.
NEGATING = frozenset(vocabulary.listed(MOODS, "negating"))
INTENDING = frozenset(vocabulary.listed(MOODS, "intending"))
# "is willing / ready / committed to": adjectival commitments (CAMEO 03, express intent).
INTENT_ADJECTIVES = frozenset(vocabulary.listed(MOODS, "intent_adjective"))
REPORTING = frozenset(vocabulary.listed(MOODS, "reporting"))
WISHING = frozenset(vocabulary.listed(MOODS, "wishing"))
# Nouns of asking: "its demand that Israel ease ...", "a call for X to ...".
DEMANDING_NOUNS = frozenset(vocabulary.listed(MOODS, "demanding_noun"))
# "demanded that X withdraw": the clause says what was asked for, not what X did.
DEMANDING = WISHING | frozenset(vocabulary.listed(MOODS, "demanding"))

# CAMEO "express intent" codes by the root of the intended event (CAMEO 1.1b3, 03 and 13).
INTENT_CODES = {
    "04": "036",  # express intent to meet or negotiate
    "05": "032",  # ... to provide diplomatic cooperation (policy support)
    "06": "031",  # ... to engage in material cooperation
    "07": "033",  # ... to provide aid
    "08": "035",  # ... to yield
    "14": "133",  # threaten with political dissent, protest
    "16": "131",  # threaten with non-force (sanctions, reduced relations)
    "17": "137",  # threaten with repression
    "18": "138",  # threaten to use military force
    "19": "138",
    "20": "138",
}


@dataclass(frozen=True, slots=True)
class Mood:
    """How the text presents a verb's event."""

    kind: str  # "happened" | "intent" | "unreal"
    negated: bool
    why: str = ""

    @property
    def coded(self) -> bool:
        return self.kind != "unreal"


def intent_code(code: str) -> str:
    """The intent code for an event code, or the code itself when the root has none (03, 13)."""
    return INTENT_CODES.get(code[:2], code)


def _aux(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _negated_here(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATION for c in verb.children)


def _in_conditional(verb: Token) -> bool:
    """Inside an "if"/"unless" clause, or a question, on the way up to the root."""
    node = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return True
        if node.dep_ in ("ROOT", "ccomp", "parataxis") or node.head is node:
            return False
        node = node.head


def mood_of(verb: Token) -> Mood:
    """Read negation, modality and the governing verb of a coded verb."""
    negated = _negated_here(verb)
    sent_text = verb.sent.text.rstrip().rstrip("\"'”’ ")
    if sent_text.endswith("?"):
        return Mood("unreal", negated, "question")
    if _in_conditional(verb):
        return Mood("unreal", negated, "conditional")
    aux = _aux(verb)
    if "would" in aux and _reported(verb):
        return Mood("intent", negated, "future in reported speech")
    if aux & HYPOTHETICAL_AUX:
        return Mood("unreal", negated, f"modal '{sorted(aux & HYPOTHETICAL_AUX)[0]}'")
    if verb.dep_ in ("xcomp", "ccomp") and is_purpose_clause(verb.head):
        # "offered its troops to help him oust X": the purpose's own complement is intended too
        return Mood("unreal", negated, "inside a purpose clause")
    asking = _asking_noun(verb)
    if asking is not None:
        # "reiterated its demand that Israel ease restrictions": asked for, not done
        return Mood("unreal", negated, f"asked for by the noun '{asking}'")
    if verb.dep_ == "xcomp":
        governor = verb.head.lemma_.lower()
        negated = negated or _negated_here(verb.head)
        if governor in NEGATING:
            return Mood("happened", True, f"governed by '{governor}'")
        if governor in WISHING:
            return Mood("unreal", negated, f"governed by '{governor}'")
        if governor in INTENDING or governor in INTENT_ADJECTIVES:
            return Mood("intent", negated, f"governed by '{governor}'")
        return Mood("happened", negated, f"governed by '{governor}'")
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DEMANDING:
        return Mood("unreal", negated, f"asked for by '{verb.head.lemma_.lower()}'")
    if aux & FUTURE_AUX or ("going" in aux and "to" in aux):
        return Mood("intent", negated, "future")
    return Mood("happened", negated)


def _asking_noun(verb: Token) -> str | None:
    """The noun of asking whose content the clause is: its head ("a demand that ...") or, as
    spaCy often attaches it, the object of the clause's governing verb ("reiterated its demand
    today that ...")."""
    if verb.dep_ not in ("ccomp", "acl"):
        return None
    head = verb.head
    nouns = [head] + [c for c in head.children if c.dep_ in ("dobj", "obj")]
    return next((n.lemma_.lower() for n in nouns if n.lemma_.lower() in DEMANDING_NOUNS), None)


def _reported(verb: Token) -> bool:
    """Inside the complement clause of a reporting verb ("Iraq said it would allow ...")."""
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head is not node:
        node = node.head
    return node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING


def is_purpose_clause(verb: Token) -> bool:
    """ "met ... to explore ways": an infinitive adverbial says what was intended, not done."""
    if verb.dep_ not in ("advcl", "acl", "relcl"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
