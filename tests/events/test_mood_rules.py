"""The mood rules (events.mood) on hand-built parses, and the boilerplate lines
(events.boilerplate) on text: no model is loaded (tests/events/conftest.py ``parse``)."""

from __future__ import annotations

from tests.events.conftest import parse

from eventwire.events import boilerplate
from eventwire.events.mood import Mood, mood_of

STOPPED = """
Police NNS NOUN nsubj 1 police
stopped VBD VERB ROOT 1 stop
militants NNS NOUN dobj 1 militant
from IN ADP prep 1
entering VBG VERB pcomp 3 enter
Chile NNP PROPN dobj 4
. . PUNCT punct 1
"""
FAILED_TO_STOP = """
Police NNS NOUN nsubj 1 police
failed VBD VERB ROOT 1 fail
to TO PART aux 3
stop VB VERB xcomp 1 stop
militants NNS NOUN dobj 3 militant
from IN ADP prep 3
entering VBG VERB pcomp 5 enter
Chile NNP PROPN dobj 6
. . PUNCT punct 1
"""
NOT_UNTIL = """
Chile NNP PROPN nsubj 3
did VBD AUX aux 3 do
not RB PART neg 3
recognize VB VERB ROOT 3
Peru NNP PROPN dobj 3
until IN ADP prep 3
July NNP PROPN pobj 5
. . PUNCT punct 3
"""
GENERIC = """
Traders NNS NOUN nsubjpass 2 trader
are VBP AUX auxpass 2 be
arrested VBN VERB ROOT 2 arrest
if IN SCONJ mark 5
they PRP PRON nsubj 5
cross VBP VERB advcl 2
. . PUNCT punct 2
"""
WOULD_ALLOW = """
The DT DET det 1
law NN NOUN nsubj 3
would MD AUX aux 3
allow VB VERB ROOT 3
Chile NNP PROPN nsubj 6
to TO PART aux 6
expel VB VERB ccomp 3
Peruvians NNPS PROPN dobj 6 peruvian
and CC CCONJ cc 6
arrest VB VERB conj 6
them PRP PRON dobj 9
. . PUNCT punct 3
"""
DENIED_THAT = """
Chile NNP PROPN nsubj 1
denied VBD VERB ROOT 1 deny
that IN SCONJ mark 4
it PRP PRON nsubj 4
attacked VBD VERB ccomp 1 attack
Peru NNP PROPN dobj 4
. . PUNCT punct 1
"""
NEITHER = """
Neither CC CCONJ preconj 1
Chile NNP PROPN nsubj 4
nor CC CCONJ cc 1
Peru NNP PROPN conj 1
condemned VBD VERB ROOT 4 condemn
Bolivia NNP PROPN dobj 4
. . PUNCT punct 4
"""
YET_TO = """
Chile NNP PROPN nsubj 1
is VBZ AUX ROOT 1 be
yet RB ADV advmod 1
to TO PART aux 4
recognize VB VERB xcomp 1
Peru NNP PROPN dobj 4
. . PUNCT punct 1
"""


def test_prevented_act_is_negated_and_a_failed_prevention_lets_it_happen() -> None:
    assert mood_of(parse(STOPPED)[4]) == Mood("happened", True, "prevented by 'stopped'")
    assert mood_of(parse(FAILED_TO_STOP)[6]) == Mood("happened", False, "prevented by 'stop'")


def test_not_until_is_not_a_negation() -> None:
    assert mood_of(parse(NOT_UNTIL)[3]) == Mood("happened", False)


def test_present_tense_with_a_condition_is_unreal() -> None:
    assert mood_of(parse(GENERIC)[2]) == Mood("unreal", False, "present tense under a condition")


def test_unreal_governor_and_coordination_carry_down() -> None:
    doc = parse(WOULD_ALLOW)
    assert mood_of(doc[6]) == Mood("unreal", False, "inside the unreal clause of 'allow'")
    assert mood_of(doc[9]).kind == "unreal"


def test_denied_clause_and_negative_subject_and_yet_to_negate() -> None:
    assert mood_of(parse(DENIED_THAT)[4]) == Mood("happened", True, "denied by 'deny'")
    assert mood_of(parse(NEITHER)[4]) == Mood("happened", True)
    assert mood_of(parse(YET_TO)[4]) == Mood("happened", True, "'be yet to': not done yet")


def test_boilerplate_lines_and_closing_section() -> None:
    text = (
        "Chile criticized Peru.\nREAD MORE: Chile attacked Peru\nRelated - Peru\n"
        "Troops in Lima. Image: Jane Doe.\nA read more button.\nImage-conscious Chile hit Peru.\n"
        "Watch\nSee also:\nChile attacked Peru."
    )
    ranges = boilerplate.spans(text)
    lines = [text[a:b] for a, b in ranges]
    assert lines == [
        "READ MORE: Chile attacked Peru",
        "Related - Peru",
        "Troops in Lima. Image: Jane Doe.",
        "Watch",
        "See also:\nChile attacked Peru.",
    ]
    assert not boilerplate.on_boilerplate((0, 5), ranges)
    assert boilerplate.on_boilerplate((text.index("Chile attacked"), len(text)), ranges)
