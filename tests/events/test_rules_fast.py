"""The coder's rules on hand-built parses: no model is loaded, so a rule's test does not depend
on what the statistical parser makes of a sentence (tests/events/conftest.py: ``parse`` takes one
line per word, ``word tag pos dep head [lemma]``, head a 0-based index)."""

from __future__ import annotations

import pytest
from tests.events.conftest import document, parse

from eventwire.events import clauses, coder, gatherings, parties
from eventwire.events.coder import VERB_RULES, VerbReading
from eventwire.events.mood import Mood, mood_of
from eventwire.events.patterns import match_verb

DENIED = """
Chile NNP PROPN nsubj 3
did VBD AUX aux 3 do
not RB PART neg 3
attack VB VERB ROOT 3
Peru NNP PROPN dobj 3
. . PUNCT punct 3
"""
QUESTION = """
Will MD AUX aux 2 will
Chile NNP PROPN nsubj 2
attack VB VERB ROOT 2
Peru NNP PROPN dobj 2
? . PUNCT punct 2
"""
PASSIVE = """
Greece NNP PROPN nsubjpass 2
was VBD AUX auxpass 2 be
attacked VBN VERB ROOT 2 attack
by IN ADP agent 2
Turkey NNP PROPN pobj 3
. . PUNCT punct 2
"""
CONDEMNED = """
France NNP PROPN nsubj 1
condemned VBD VERB ROOT 1 condemn
Germany NNP PROPN dobj 1
. . PUNCT punct 1
"""
MUST = """
Chile NNP PROPN nsubj 1
said VBD VERB ROOT 1 say
that IN SCONJ mark 5
Peru NNP PROPN nsubj 5
must MD AUX aux 5
withdraw VB VERB ccomp 1
its PRP$ PRON poss 7
troops NNS NOUN dobj 5 troop
. . PUNCT punct 1
"""


# --- mood: negation, modals, questions, conditionals, intents -----------------------------


def test_mood_negation_is_kept_as_a_flag() -> None:
    assert mood_of(parse(DENIED)[3]) == Mood("happened", True, "")


def test_mood_modal_of_possibility_is_unreal() -> None:
    doc = parse("""
        Chile NNP PROPN nsubj 2
        could MD AUX aux 2
        attack VB VERB ROOT 2
        Peru NNP PROPN dobj 2
        . . PUNCT punct 2
    """)
    assert mood_of(doc[2]) == Mood("unreal", False, "modal 'could'")


def test_mood_question_is_unreal() -> None:
    doc = parse(QUESTION)
    assert mood_of(doc[2]) == Mood("unreal", False, "question")


def test_mood_conditional_clause_is_unreal_and_its_main_clause_future() -> None:
    doc = parse("""
        If IN SCONJ mark 2
        Norway NNP PROPN nsubj 2
        attacks VBZ VERB advcl 8 attack
        Sweden NNP PROPN dobj 2
        , , PUNCT punct 8
        the DT DET det 6
        region NN NOUN nsubj 8
        will MD AUX aux 8
        suffer VB VERB ROOT 8
        . . PUNCT punct 8
    """)
    assert mood_of(doc[2]) == Mood("unreal", False, "conditional")
    assert mood_of(doc[8]) == Mood("intent", False, "future")


GOVERNED = """
Chile NNP PROPN nsubj 1
{governor} VBZ VERB ROOT 1 {lemma}
to TO PART aux 3
attack VB VERB xcomp 1
Peru NNP PROPN dobj 3
. . PUNCT punct 1
"""


def test_mood_plans_to_is_an_intent_and_planning_itself_happened() -> None:
    doc = parse(GOVERNED.format(governor="plans", lemma="plan"))
    assert mood_of(doc[3]) == Mood("intent", False, "governed by 'plan'")
    assert mood_of(doc[1]) == Mood("happened", False, "")


def test_mood_refused_to_is_a_negated_act() -> None:
    doc = parse(GOVERNED.format(governor="refused", lemma="refuse"))
    assert mood_of(doc[3]) == Mood("happened", True, "governed by 'refuse'")


def test_mood_wants_to_is_unreal() -> None:
    doc = parse(GOVERNED.format(governor="wants", lemma="want"))
    assert mood_of(doc[3]) == Mood("unreal", False, "governed by 'want'")


# --- patterns: a pattern against the verb's default ----------------------------------------

REJECTED = """
Kenya NNP PROPN nsubj 1
rejected VBD VERB ROOT 1 reject
the DT DET det 3
{object} NN NOUN dobj 1
{rest}
. . PUNCT punct 1
"""


def test_pattern_for_the_object_beats_the_default() -> None:
    doc = parse(
        REJECTED.format(object="offer", rest="of IN ADP prep 3\ntalks NNS NOUN pobj 4 talk")
    )
    m = match_verb(doc[1])
    assert m is not None
    assert (str(m.code), m.rule, m.words, m.lemma) == ("125", "pattern:REFUSE:2984", 1, "reject")


def test_without_a_pattern_the_verb_default_applies() -> None:
    doc = parse(REJECTED.format(object="plan", rest=""))
    m = match_verb(doc[1])
    assert m is not None
    assert (str(m.code), m.rule, m.words, m.pattern) == ("120", "verb:REFUSE:2891", 0, None)


def test_a_verb_outside_the_lexicon_has_no_code() -> None:
    doc = parse("""
        Chile NNP PROPN nsubj 1
        blinked VBD VERB ROOT 1 blink
        . . PUNCT punct 1
    """)
    assert match_verb(doc[1]) is None


# --- clause constructions ------------------------------------------------------------------


def test_refusal_is_a_negated_intent_to_cooperate() -> None:
    doc = parse("""
        Kenya NNP PROPN nsubj 3
        will MD AUX aux 3
        not RB PART neg 3
        accept VB VERB ROOT 3
        the DT DET det 5
        proposal NN NOUN dobj 3
        . . PUNCT punct 3
    """)
    assert clauses.is_refusal(doc[3], "032", negated=True, kind="intent") is True
    assert clauses.is_refusal(doc[3], "032", negated=False, kind="intent") is False
    assert clauses.is_refusal(doc[3], "190", negated=True, kind="happened") is False


def test_must_clause_of_an_asserting_verb_is_a_demand_on_its_subject() -> None:
    doc = parse(MUST)
    assert clauses.must_clause(doc[1]) == doc[5]
    assert clauses.must_clause(doc[5]) is None


WANTS = """
Chile NNP PROPN nsubj 1
wants VBZ VERB ROOT 1 want
Peru NNP PROPN {peru} {peru_head}
to TO PART aux 4
sign VB VERB {sign} 1
the DT DET det 6
treaty NN NOUN dobj 4
. . PUNCT punct 1
"""


def test_appeal_target_is_the_complements_own_subject() -> None:
    # "wants [Peru to sign]": spaCy's usual reading, a clause with its own subject
    doc = parse(WANTS.format(peru="nsubj", peru_head=4, sign="ccomp"))
    assert clauses.appeal_target(doc[1]) == doc[2]


def test_appeal_target_is_the_object_of_a_verb_with_an_open_complement() -> None:
    doc = parse(WANTS.format(peru="dobj", peru_head=1, sign="xcomp"))
    assert clauses.appeal_target(doc[1]) == doc[2]


def test_wanting_to_act_oneself_asks_no_one() -> None:
    doc = parse(GOVERNED.format(governor="wants", lemma="want"))
    assert clauses.appeal_target(doc[1]) is None


# --- parties -------------------------------------------------------------------------------


def test_passive_agent_acts_and_passive_subject_is_the_target() -> None:
    doc = parse(PASSIVE)
    assert parties.subject_of(doc[2]) == (doc[4], "agent")
    assert parties.object_of(doc[2]) == (doc[0], "nsubjpass")
    assert parties.passive_target(doc[2]) == doc[0]


def test_open_complement_inherits_its_governors_subject() -> None:
    doc = parse("""
        Spain NNP PROPN nsubj 1
        agreed VBD VERB ROOT 1 agree
        to TO PART aux 3
        build VB VERB xcomp 1
        a DT DET det 5
        bridge NN NOUN dobj 3
        with IN ADP prep 3
        Portugal NNP PROPN pobj 6
        . . PUNCT punct 1
    """)
    assert parties.subject_of(doc[3]) == (doc[0], "inherited:nsubj")
    assert parties.object_of(doc[3]) == (doc[5], "dobj")
    assert parties.object_of(doc[1]) == (None, "")
    assert parties.passive_target(doc[3]) is None


def test_object_of_a_target_preposition() -> None:
    doc = parse("""
        India NNP PROPN nsubj 1
        met VBD VERB ROOT 1 meet
        with IN ADP prep 1
        Nepal NNP PROPN pobj 2
        . . PUNCT punct 1
    """)
    assert parties.object_of(doc[1]) == (doc[3], "pobj:with")


# --- gatherings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("modifier", "noun", "size"),
    [
        ("two CD NUM nummod 3", "countries NNS NOUN pobj 0 country", 2),
        ("5 CD NUM nummod 3", "nations NNS NOUN pobj 0 nation", 5),
        ("participating VBG VERB amod 3 participate", "nations NNS NOUN pobj 0 nation", 0),
        ("regional JJ ADJ amod 3", "countries NNS NOUN pobj 0 country", None),
        ("participating VBG VERB amod 3 participate", "nation NN NOUN pobj 0", None),
    ],
)
def test_group_size(modifier: str, noun: str, size: int | None) -> None:
    # "among the two countries", "... the participating nations": a marked plural group noun
    doc = parse(f"among IN ADP ROOT 0\nthe DT DET det 3\n{modifier}\n{noun}")
    assert gatherings.group_size(doc[3]) == size


# --- the coder's verb path -----------------------------------------------------------------


def reading(spec: str, verb: int, actors: dict[str, str] | None = None) -> VerbReading:
    doc = parse(spec)
    article = document(doc, actors or {})
    article.places = []  # no place phrases: where_it_happened finds nothing
    return VerbReading(article, doc[verb])


def test_clause_can_report_a_main_clause_verb() -> None:
    assert coder.clause_can_report(reading(CONDEMNED, 1)) is True


def test_clause_cannot_report_a_purpose_clause() -> None:
    spec = """
        Chile NNP PROPN nsubj 1
        sent VBD VERB ROOT 1 send
        engineers NNS NOUN dobj 1 engineer
        to TO PART aux 4
        help VB VERB advcl 1
        Peru NNP PROPN dobj 4
        . . PUNCT punct 1
    """
    assert coder.clause_can_report(reading(spec, 4)) is False
    assert coder.clause_can_report(reading(spec, 1)) is True


def test_clause_cannot_report_a_participial_adjunct() -> None:
    spec = """
        Peru NNP PROPN nsubj 1
        signed VBD VERB ROOT 1 sign
        the DT DET det 3
        accord NN NOUN dobj 1
        , , PUNCT punct 1
        urging VBG VERB advcl 1 urge
        Bolivia NNP PROPN dobj 5
        . . PUNCT punct 1
    """
    assert coder.clause_can_report(reading(spec, 5)) is False


def test_clause_cannot_report_a_present_relative_clause() -> None:
    spec = """
        the DT DET det 1
        faction NN NOUN ROOT 1
        that WDT PRON nsubj 3
        controls VBZ VERB relcl 1 control
        Bolivia NNP PROPN dobj 3
    """
    assert coder.clause_can_report(reading(spec, 3)) is False
    past = spec.replace("controls VBZ VERB relcl 1 control", "attacked VBD VERB relcl 1 attack")
    assert coder.clause_can_report(reading(past, 3)) is True


def test_a_reporting_verb_with_a_complement_clause_is_not_a_report() -> None:
    r = reading(MUST, 1)
    r.code = "010"
    assert coder.not_a_report(r) is False
    r.code = "100"
    assert coder.not_a_report(r) is True
    alone = reading(CONDEMNED, 1)
    alone.code = "010"
    assert coder.not_a_report(alone) is True


def test_asserted_ends_the_path_for_an_unreal_mood_only() -> None:
    question = reading(QUESTION, 2)
    assert coder.asserted(question) is False
    denied = reading(DENIED, 3)
    assert coder.asserted(denied) is True
    assert denied.mood == Mood("happened", True, "")


def test_verb_path_codes_source_code_and_target() -> None:
    r = reading(CONDEMNED, 1, {"France": "FRA", "Germany": "DEU"})
    assert [rule(r) for rule in VERB_RULES] == [True] * len(VERB_RULES)
    assert (r.code, r.reverse) == ("111", None)
    assert [(p.code, p.how) for p in r.sources] == [("FRA", "nsubj")]
    assert [(p.code, p.how) for p in r.targets] == [("DEU", "dobj")]
    candidate = r.candidate()
    assert (candidate.code, candidate.span) == ("111", (0, 24))
    assert candidate.explanation.parse_path == "nsubj←condemned→dobj"


def test_verb_path_passive_agent_is_the_source() -> None:
    r = reading(PASSIVE, 2, {"Greece": "GRC", "Turkey": "TUR"})
    assert [rule(r) for rule in VERB_RULES] == [True] * len(VERB_RULES)
    assert r.code == "190"
    assert [(p.code, p.how) for p in r.sources] == [("TUR", "agent")]
    assert [(p.code, p.how) for p in r.targets] == [("GRC", "nsubjpass")]


def test_verb_path_must_clause_is_a_demand_on_its_subject() -> None:
    r = reading(MUST, 1, {"Chile": "CHL", "Peru": "PER"})
    assert coder.clause_can_report(r) is True
    assert coder.asserted(r) is True
    assert coder.fixed_by_construction(r) is False  # the path ends with the construction's event
    assert r.result is not None
    assert r.result.code == "106"  # a demand for withdrawal: the act demanded names its kind
    assert [(p.code, p.how) for p in r.result.sources] == [("CHL", "nsubj")]
    assert [(p.code, p.how) for p in r.result.targets] == [("PER", "must-demand:nsubj")]


def test_negated_event_is_coded_with_the_flag() -> None:
    r = reading(DENIED, 3, {"Chile": "CHL", "Peru": "PER"})
    assert [rule(r) for rule in VERB_RULES] == [True] * len(VERB_RULES)
    assert (r.code, r.mood.negated) == ("190", True)
    assert [(p.code, p.how) for p in r.sources] == [("CHL", "nsubj")]
    assert [(p.code, p.how) for p in r.targets] == [("PER", "dobj")]


def test_code_sentence_on_a_hand_built_parse() -> None:
    doc = parse(CONDEMNED)
    article = document(doc, {"France": "FRA", "Germany": "DEU"})
    article.places = []
    found = coder.code_sentence(article, 0, next(iter(doc.sents)))
    assert [(e.source, e.cameo, e.target, e.negated) for e, _ in found] == [
        ("FRA", "111", "DEU", False)
    ]
