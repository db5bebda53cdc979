"""What a coded verb asserts: negation, future and intent, hypotheticals, questions.

A verb's event is kept as *happened* only when the text asserts it.  ``did not attack`` is kept but
marked negated; ``will visit`` / ``pledged to visit`` become the CAMEO "express intent" code the
codebook gives for the event's root (036 for a meeting, 138 for military force); questions,
conditionals ("if it attacks"), modals of possibility ("could attack") and wishes ("wants to
attack") are not coded at all, since nothing in them happened or was committed to.

Negation has more forms than "not": a governing verb or adjective ("refused / failed / were
unable to attack"), a denial of a clause ("denied that its forces attacked"), a verb of
preventing ("stopped X from entering"; "failed to stop X from entering" did happen), and
"not ... until July" says when it happened, not that it did not.  What a clause says is unreal
carries down to its complements and to the verbs coordinated with it ("a law that would have
allowed China to extradite people and try them"), and a present-tense clause under a condition
("pets are killed if they are not claimed") states a rule, not an event.

An intent is dated on the day it was stated, not on the day it names (:func:`stated_by`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire import vocabulary
from eventwire.events import nominal

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# The words of each rule are data (data/vocabulary/verb_moods.tsv, the list column).
MOODS = "verb_moods"


def _listed(name: str) -> frozenset[str]:
    return frozenset(vocabulary.listed(MOODS, name))


HYPOTHETICAL_AUX = _listed("hypothetical_aux")
FUTURE_AUX = _listed("future_aux")
CONDITIONAL_MARKS = _listed("conditional_mark")
# Words that negate the verb they modify, whatever the parser calls them ("never attacked").
NEGATION = _listed("negation")
# Governing verbs: "X refused to attack" did not happen; "X plans to attack" is an intent.
NEGATING = _listed("negating")
INTENDING = _listed("intending")
# "is willing / ready / committed to": adjectival commitments (CAMEO 03, express intent).
INTENT_ADJECTIVES = _listed("intent_adjective")
REPORTING = _listed("reporting")
WISHING = _listed("wishing")
# Nouns of asking: "its demand that Israel ease ...", "a call for X to ...".
DEMANDING_NOUNS = _listed("demanding_noun")
# "demanded that X withdraw": the clause says what was asked for, not what X did.
DEMANDING = WISHING | _listed("demanding")
# "were unable to stop": adjectives that negate their complement, like the negating verbs.
NEGATING_ADJECTIVES = _listed("negating_adjective")
# "denied that its forces attacked": the complement clause is denied.
DENYING = _listed("denying")
# "stopped X from entering": the entering did not happen.
PREVENTING = _listed("preventing")
# "did not endorse her until July": the negation says when, not whether.
UNTIL = _listed("until_mark")
# "Neither China nor Russia condemned", "No country recognized": a negative subject.
NEGATIVE_SUBJECTS = _listed("negative_subject")
# "has yet to concede": not done yet.
NOT_YET = _listed("not_yet")
# "the law allows police to arrest": permitted, not done.
PERMITTING = _listed("permitting")
# "Trump's planned trip", "the proposed sanctions": an event noun that did not happen.
UNREAL_MODIFIERS = _listed("unreal_modifier")
# "cancelled its trip", "the talks were postponed": the event noun did not happen.
CANCELLING = _listed("cancelling")
# Subordinators of a condition on a clause ("are killed if they are not claimed").
CONDITIONS = _listed("stated_condition")
# Verbs whose conditions make a threat, a demand or a report, not a rule: never generic.
CONDITIONED_ACTS = INTENDING | REPORTING | DEMANDING | frozenset({"warn"})
PRESENT = ("VBZ", "VBP")

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
    return any(c.dep_ == "neg" or c.lower_ in NEGATION for c in verb.children) or any(
        _negative_subject(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
    )


def _negative_subject(subject: Token) -> bool:
    """ "Neither China nor Russia", "No country", "None of them"."""
    if subject.lower_ in NEGATIVE_SUBJECTS:
        return True
    return any(
        c.dep_ in ("det", "preconj") and c.lower_ in NEGATIVE_SUBJECTS for c in subject.children
    )


def _in_conditional(verb: Token) -> bool:
    """Inside an "if"/"unless" clause, or a question, on the way up to the root."""
    node = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return True
        if node.dep_ in ("ROOT", "ccomp", "parataxis") or node.head is node:
            return False
        node = node.head


def _ends_with_question_mark(sent: Span) -> bool:
    """Whether the sentence's text, closing quotes and spaces aside, ends with "?".

    Read from its last tokens back, only as far as the first character that is not stripped:
    ``Span.text`` would join every token of the sentence, for each verb of it."""
    doc = sent.doc
    tail = ""
    for i in range(sent.end - 1, sent.start - 1, -1):
        tail = doc[i].text_with_ws + tail
        trimmed = tail.rstrip().rstrip("\"'”’ ")
        if trimmed:
            return trimmed.endswith("?")
    return False


def mood_of(verb: Token) -> Mood:
    """Read negation, modality and the governing verb of a coded verb."""
    negated = _negated_here(verb) and not _until(verb)
    if _ends_with_question_mark(verb.sent):
        return Mood("unreal", negated, "question")
    if _in_conditional(verb):
        return Mood("unreal", negated, "conditional")
    aux = _aux(verb)
    if "would" in aux and _reported(verb):
        return Mood("intent", negated, "future in reported speech")
    if aux & HYPOTHETICAL_AUX:
        return Mood("unreal", negated, f"modal '{sorted(aux & HYPOTHETICAL_AUX)[0]}'")
    if _generic_condition(verb):
        # "lost pets are killed if they are not claimed": a rule, not an event
        return Mood("unreal", negated, "present tense under a condition")
    shared = _coordinated_mood(verb)
    if shared is not None:
        return shared
    unreal = _unreal_governor(verb)
    if unreal is not None:
        # "a law that would have allowed China to extradite people": nothing was allowed
        return Mood("unreal", negated, f"inside the unreal clause of '{unreal.text}'")
    permission = _standing_permission(verb)
    if permission is not None:
        return Mood("unreal", negated, f"permitted by '{permission.text}', not done")
    prevented = _prevented(verb)
    if prevented is not None:
        return prevented
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DENYING:
        return Mood("happened", True, f"denied by '{verb.head.lemma_.lower()}'")
    if verb.dep_ in ("xcomp", "ccomp") and is_purpose_clause(verb.head):
        # "offered its troops to help him oust X": the purpose's own complement is intended too
        return Mood("unreal", negated, "inside a purpose clause")
    asking = _asking_noun(verb)
    if asking is not None:
        # "reiterated its demand that Israel ease restrictions": asked for, not done
        return Mood("unreal", negated, f"asked for by the noun '{asking}'")
    if verb.dep_ == "xcomp":
        governor = verb.head.lemma_.lower()
        # "are not prepared to", "were not able to": the negation hangs on the copula
        copula = verb.head.head if verb.head.dep_ == "acomp" else verb.head
        negated = negated or _negated_here(verb.head) or _negated_here(copula)
        if governor in ("have", "be") and any(
            c.dep_ == "advmod" and c.lower_ in NOT_YET for c in verb.head.children
        ):
            return Mood("happened", True, f"'{governor} yet to': not done yet")
        if governor in NEGATING or governor in NEGATING_ADJECTIVES:
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


def _until(verb: Token) -> bool:
    """ "did not endorse her until July": a time from which it happened."""
    return any(c.lower_ in UNTIL for c in verb.children if c.dep_ in ("prep", "mark", "advmod"))


def _present(verb: Token) -> bool:
    if verb.tag_ in PRESENT:
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT for c in verb.children
    )


def _generic_condition(verb: Token) -> bool:
    """A present-tense clause with an "if"/"unless" clause of its own states a rule ("pets are
    killed if not claimed"); a threat, a demand or a report with a condition is still one."""
    if not _present(verb) or verb.lemma_.lower() in CONDITIONED_ACTS:
        return False
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
        for c in verb.children
    )


def _coordinated_mood(verb: Token) -> Mood | None:
    """A bare verb coordinated with a modal one without a subject of its own shares its mood
    ("would extradite people and try them", "will visit and meet"); "did not attack or
    occupy" shares the negation too."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VB" or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    shared = mood_of(head)
    if shared.kind == "happened" and not shared.negated:
        return None
    ccs = {c.lower_ for c in verb.children if c.dep_ == "cc"} | {
        c.lower_ for c in head.children if c.dep_ == "cc"
    }
    negated = _negated_here(verb) or (shared.negated and bool(ccs & {"or", "nor"}))
    if shared.kind == "happened":
        return Mood("happened", negated, shared.why) if negated else None
    return Mood(shared.kind, negated, f"coordinated with '{head.text}': {shared.why}")


def _unreal_governor(verb: Token) -> Token | None:
    """The governing verb of a complement when what it says is unreal ("would have allowed
    China to extradite", "might ask X to attack")."""
    if verb.dep_ not in ("xcomp", "ccomp") or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    governor = verb.head
    return None if mood_of(governor).coded else governor


def _standing_permission(verb: Token) -> Token | None:
    """The permitting verb of a complement when the permission stands rather than was given
    ("the law allows police to arrest", "a law allowing China to extradite"): what it permits
    is not an event; "allowed trucks to enter" (past) leaves the entering to be read."""
    governor = verb.head
    if verb.dep_ not in ("xcomp", "ccomp") or governor.lemma_.lower() not in PERMITTING:
        return None
    present = _present(governor) and not _aux(governor)
    participle = governor.tag_ == "VBG" and governor.dep_ == "acl"
    return governor if present or participle else None


def _prevented(verb: Token) -> Mood | None:
    """ "stopped X from entering": not entered (marked negated); "were unable to stop X from
    entering", "did not prevent X from entering": entered."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "from" or prep.dep_ != "prep":
        return None
    preventer = prep.head
    if preventer.lemma_.lower() not in PREVENTING or preventer.pos_ != "VERB":
        return None
    stopped = mood_of(preventer)
    if not stopped.coded:
        return Mood("unreal", False, f"what '{preventer.text}' would prevent")
    negated = _negated_here(verb) or not stopped.negated
    return Mood("happened", negated, f"prevented by '{preventer.text}'")


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


def unreal_noun(noun: Token) -> str | None:
    """Why an event noun did not happen: a modifier ("Trump's planned trip to Warsaw", "the
    proposed sanctions", "a possible attack"; not on a light verb's object, whose mood
    decides: "mounted its long-threatened invasion") or a verb cancelling it ("cancelled its trip",
    "the talks were postponed"); else None."""
    modifiers = [c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")]
    modifier = next((m for m in modifiers if m in UNREAL_MODIFIERS), None)
    if modifier is not None and not nominal.is_light_object(noun):
        # ("mounted its long-threatened invasion": the light verb's mood decides)
        return f"'{modifier}'"
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in CANCELLING:
        return f"'{head.lemma_.lower()}'"
    return None


def stated_by(trigger: Token) -> Token | None:
    """The verb that states an intent, whose day is the intent's ("said on Monday it will
    visit China next week", "pledged on Monday to ..."): the trigger itself when it is one,
    else the nearest reporting or intending verb above it; None when the clause states it
    alone ("X will visit China on Friday")."""
    stating = REPORTING | INTENDING
    node = trigger
    while True:
        if node.lemma_.lower() in stating and node.pos_ in ("VERB", "AUX"):
            return node
        if node.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or node.head is node:
            return None
        node = node.head


def is_purpose_clause(verb: Token) -> bool:
    """ "met ... to explore ways": an infinitive adverbial says what was intended, not done."""
    if verb.dep_ not in ("advcl", "acl", "relcl"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
