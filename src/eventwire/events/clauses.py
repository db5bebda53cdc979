"""Clause constructions that change what a verb's event is (CAMEO 1.1b3 conventions).

* "X said/declared/reiterated that Y **must** ..." is a demand by X on Y (CAMEO 10), not a
  statement: the modal carries the demand, the reported verb did not happen.
* "X **will not / would not** accept, allow, provide ..." declines to cooperate: a rejection
  (CAMEO 12, "Reject ... decline"), not a negated intent to cooperate.
* "X will do Y **unless/if** Z ..." makes a threat (or ultimatum) against Z: the condition's
  subject is the threat's target (CAMEO 13).
* "X **wants** Y to do ..." asks Y to act: an appeal (CAMEO 02) to Y, where the dictionary's
  "want" (express intent, 030) only fits "X wants to do".
* The one asked where the parse hides it (issue 16): "X said Y **should** ..." (an appeal to Y),
  "X **called for** Y to ...", "X **joined the calls** asking Y to ...", "X **demanded from** Y
  to ..." (words in ``data/vocabulary/event_appeals.tsv``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire import vocabulary
from eventwire.events.mood import REPORTING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that put a demand into words when their clause says the target "must" act.
ASSERTING = REPORTING | frozenset(vocabulary.listed("verb_classes", "asserting"))
# Cooperative verbs whose dictionary entry is null (only patterns code them) but whose refusal
# is still a rejection: "will not accept refugees", "would not allow inspections".
COOPERATIVE = frozenset(vocabulary.listed("verb_classes", "cooperative"))
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
CONDITION_MARKS = frozenset(vocabulary.listed("verb_moods", "stated_condition"))
APPEAL_WISHES = frozenset(vocabulary.listed("verb_classes", "appeal_wish"))
# The appeal constructions of issue 16 (data/vocabulary/event_appeals.tsv).
CALLING_FOR = frozenset(vocabulary.listed("event_appeals", "calling_for"))
JOINING_CALL = frozenset(vocabulary.listed("event_appeals", "joining_call"))
CALL_NOUNS = dict(
    zip(
        vocabulary.listed("event_appeals", "call_noun"),
        vocabulary.listed("event_appeals", "call_noun", "code"),
        strict=True,
    )
)
ASKING_FROM = frozenset(vocabulary.listed("event_appeals", "asking_from"))
ASKED_PREPS = frozenset(vocabulary.listed("event_appeals", "asked_prep"))
APPEAL_MODALS = frozenset(vocabulary.listed("event_appeals", "appeal_modal"))
WEIGHING = frozenset(vocabulary.listed("event_appeals", "weighing"))
ASKED_THINGS = frozenset(vocabulary.listed("event_appeals", "asked_thing"))
OBLIGATIONS = frozenset(vocabulary.listed("event_appeals", "obligation"))
SPEAKERS = frozenset(vocabulary.listed("event_appeals", "speaker_pronoun"))
ASKING_PARTICIPLES = frozenset(vocabulary.listed("event_appeals", "asking_participle"))
ASKED_ON = frozenset(vocabulary.listed("event_appeals", "asked_on"))
APPEALING_TO = frozenset(vocabulary.listed("event_appeals", "appealing_to"))
STATEMENT_NOUNS = frozenset(vocabulary.listed("event_party_words", "statement"))
ISSUING_VERBS = frozenset(vocabulary.listed("event_appeals", "issuing"))


def names_the_asked(verb: Token) -> bool:
    """An asking verb that names the one it asks: its object with an open complement ("urging
    Russia to withdraw"; not "requesting the new rules") or its "on"/"to" phrase ("calling on
    Russia to withdraw", "appealing to India")."""
    if verb.lemma_.lower() not in ASKING_PARTICIPLES:
        return False
    complement = any(c.dep_ == "xcomp" for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and complement:
            return True
        named = any(p.dep_ == "pobj" for p in child.children)
        if child.dep_ == "prep" and _asks_by(verb, child.lower_) and named:
            return True
    return False


def _asks_by(verb: Token, prep: str) -> bool:
    """ "calling on X", "appealing to X": a preposition that names the one asked; "to" only
    after a verb of appealing ("sent a letter requesting the rules to X" sends it to X)."""
    if prep == "to":
        return verb.lemma_.lower() in APPEALING_TO
    return prep in ASKED_ON


def asking_adjunct(verb: Token) -> bool:
    """ "The chancellor spoke on Monday, urging Russia to withdraw", "wrote to the embassy,
    asking it to reconsider": a participle adjunct of asking that names the one asked is an
    appeal of its own, not an elaboration of the main event as "..., citing opposition" is.
    Not after a statement its governor does not issue ("criticized a statement by X calling
    on Y"): the participle then describes the statement."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in ASKING_PARTICIPLES:
        return False
    governor = verb.head
    if governor.lemma_.lower() not in ISSUING_VERBS and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in STATEMENT_NOUNS for c in governor.children
    ):
        return False
    return names_the_asked(verb) or written_to(verb) is not None


def written_to(verb: Token) -> Token | None:
    """The one asked by an asking participle whose object is a pronoun, from its governor's
    "to" phrase: "wrote to the embassy, asking it to reconsider".  With no object ("wrote to
    the embassy asking to visit") the subject may ask leave for its own act: not read."""
    if verb.dep_ != "advcl" or verb.lemma_.lower() not in ASKING_PARTICIPLES:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ != "PRON":
        return None
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            addressee = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if addressee is not None:
                return addressee
    return None


def statement_appeal(verb: Token) -> bool:
    """ "signed a letter urging officials to act", "issued a statement calling on Russia to":
    an asking participle describing a statement is its issuer's appeal
    (:func:`eventwire.events.parties.statement_issuer` finds the issuer)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return False
    return verb.head.lemma_.lower() in STATEMENT_NOUNS and names_the_asked(verb)


def _act_codes(group: str) -> dict[str, str]:
    return dict(
        zip(
            vocabulary.listed("event_appeals", group),
            vocabulary.listed("event_appeals", group, "code"),
            strict=True,
        )
    )


# The appeal (020) or demand (100) for an act, by the act's code (event_appeals.tsv).
ASKED_FOR = {"020": _act_codes("asked_act"), "100": _act_codes("demanded_act")}
ASKED_BY_DEFAULT = frozenset(vocabulary.listed("event_appeals", "asked_by_default"))


def _clauses(verb: Token) -> list[Token]:
    """The verb's complement clauses, including those of its object ("issued a reminder that")."""
    found = [c for c in verb.children if c.dep_ == "ccomp"]
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        found += [c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")]
    return found


def must_clause(verb: Token) -> Token | None:
    """The "that Y must ..." clause of an asserting verb, if any."""
    if verb.lemma_.lower() not in ASSERTING:
        return None
    for clause in _clauses(verb):
        aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        must = "must" in aux or _obligation(clause) is not None
        if must and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return clause
    return None


def _obligation(clause: Token) -> Token | None:
    """The act of "Y needs to / has to V", the modal "must" in other words (event_appeals.tsv,
    ``obligation``): the verb's infinitive complement, if any.  Not "we need to pray" (the
    speakers exhort themselves) nor "don't have to justify" (no obligation at all)."""
    if clause.lemma_.lower() not in OBLIGATIONS:
        return None
    if any(c.dep_ == "neg" for c in clause.children):
        return None
    if any(c.dep_ == "nsubj" and c.lower_ in SPEAKERS for c in clause.children):
        return None
    return next((c for c in clause.children if _infinitive_complement(c)), None)


def is_refusal(verb: Token, code: str | None, negated: bool, kind: str) -> bool:
    """A negated commitment to cooperate ("will not accept", "said it would not provide")."""
    if not negated or kind != "intent":
        return False
    if code is not None and code[:2] in COOPERATIVE_ROOTS:
        return True
    return verb.lemma_.lower() in COOPERATIVE or _weighs_a_request(verb)


def _weighs_a_request(verb: Token) -> bool:
    """ "would not consider Iran's request", "will not entertain proposals from X": to refuse
    to weigh what someone asks is to reject it (event_appeals.tsv, ``weighing``, ``asked_thing``);
    "will not consider running" rejects nothing."""
    if verb.lemma_.lower() not in WEIGHING:
        return False
    return any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in ASKED_THINGS for c in verb.children
    )


def condition(verb: Token) -> Token | None:
    """The subject of an "if"/"unless" clause attached to the verb or its open complement."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    for head in heads:
        for clause in head.children:
            if clause.dep_ != "advcl":
                continue
            if not any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children):
                continue
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return subject
    return None


def has_ultimatum(verb: Token) -> bool:
    """ "will withdraw ... unless X acts": the intent is conditioned on the target's act."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "unless" for m in clause.children
        ):
            return True
    return False


def appeal_target(verb: Token) -> Token | None:
    """The one asked to act in "X wants Y to do ...": the complement's own subject."""
    if verb.lemma_.lower() not in APPEAL_WISHES:
        return None
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "xcomp") and clause.pos_ in ("VERB", "AUX"):
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                return subject
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and any(c.dep_ == "xcomp" for c in verb.children):
        return obj
    return None


def should_clause(verb: Token) -> Token | None:
    """The subject asked in "X said Y should ...": an asserting verb's clause whose active verb
    carries an appeal modal.  A passive ("Y should be punished") asks someone unnamed, and
    "should have acted" blames rather than asks."""
    if verb.lemma_.lower() not in ASSERTING:
        return None
    for clause in _clauses(verb):
        aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if not aux & APPEAL_MODALS or aux & {"have", "'ve", "be"}:
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def called_for(verb: Token) -> Token | None:
    """The one asked in "X called for Y to ...": the subject of the verb's "for ... to" clause
    (the parser hangs it on the verb as a clause marked "for")."""
    if verb.lemma_.lower() not in CALLING_FOR:
        return None
    return _for_clause_subject(verb)


def _for_clause_subject(head: Token) -> Token | None:
    for clause in head.children:
        if clause.dep_ not in ("advcl", "ccomp", "acl") or clause.pos_ not in ("VERB", "AUX"):
            continue
        if not any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def joined_call(verb: Token) -> tuple[str, Token] | None:
    """ "X joined the calls (by Z) asking Y to ...", "X joined calls for Y to ...": X makes the
    appeal (or demand) too, to the one it asks.  Returns its code and that one."""
    if verb.lemma_.lower() not in JOINING_CALL:
        return None
    for noun in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        code = CALL_NOUNS.get(noun.lemma_.lower())
        if code is None:
            continue
        asked = _for_clause_subject(noun) or _asked_by_participle(verb, noun)
        if asked is not None:
            return code, asked
    return None


def _asked_by_participle(verb: Token, noun: Token) -> Token | None:
    """The object of the asking participle describing the call or its makers: "the calls by
    officials asking the US to ...", "calls urging Russia to ..."."""
    holders = [
        noun,
        *(
            p
            for c in (*noun.children, *verb.children)
            if c.dep_ == "prep"
            for p in c.children
            if p.dep_ == "pobj"
        ),
    ]
    for holder in holders:
        for participle in holder.children:
            if participle.dep_ != "acl" or participle.tag_ != "VBG":
                continue
            obj = next((c for c in participle.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and any(c.dep_ == "xcomp" for c in participle.children):
                return obj
    return None


def asked_from(verb: Token) -> Token | None:
    """The one asked in "X demanded from Y to ...", "asked of Y to ...": an asking verb's
    "from"/"of" phrase, when an open complement says what is asked."""
    if verb.lemma_.lower() not in ASKING_FROM:
        return None
    if not any(_infinitive_complement(c) for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ASKED_PREPS:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _infinitive_complement(clause: Token) -> bool:
    """An open complement, or a "to" clause the parser attaches as an adverbial one."""
    if clause.dep_ == "xcomp":
        return True
    return clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def asked_act(verb: Token, asked: Token | None = None) -> Token | None:
    """The act an appeal or demand asks for: the clause of the one asked ("said Russia should
    withdraw", "called for Russia to withdraw"), else the verb's complement ("urged Russia to
    withdraw", "demanded that Russia withdraw")."""
    own_clause = asked is not None and asked.dep_ == "nsubj" and asked.head is not verb
    if own_clause and asked is not None and asked.head.pos_ in ("VERB", "AUX"):
        return _obligation(asked.head) or asked.head  # "said Y needs to withdraw": withdraw
    for clause in verb.children:
        complement = clause.dep_ in ("xcomp", "ccomp") or _infinitive_complement(clause)
        if complement and clause.pos_ in ("VERB", "AUX"):
            return clause
    return None


def specific_code(code: str, act: Token | None, act_code: str | None) -> str:
    """An unspecified appeal or demand takes the code of what it asks for where the codebook
    has one ("urged Russia to release the prisoners": 0253); asking for an act not to happen
    ("would prefer Biden not participate") stays unspecified."""
    table = ASKED_FOR.get(code)
    if table is None or act is None or not act_code:
        return code
    if any(c.dep_ == "neg" for c in act.children):
        return code
    for length in range(len(act_code), 1, -1):
        found = table.get(act_code[:length])
        if found is not None:
            return found
    return code
