"""Verb senses decided by their arguments (issue 16, item 6: PLOVER GSR), on sentences written for
these tests; each asserts the exact set of events its sentence yields (tests/events/conftest.py).
"""

from __future__ import annotations

import pytest
from tests.events.conftest import coded, countries

pytestmark = pytest.mark.slow  # loads the spaCy model once


# Expelling an inspection mission, a peace force or aid workers has CAMEO codes of its own (166x,
# PLOVER SANCTION); expelling individuals stays DEPORT's 174 or its diplomats' 161.


def test_expelled_inspectors_is_1662() -> None:
    found = countries("Iran expelled inspectors of the United Nations from its nuclear sites.")
    assert found == {("IRN", "1662", "IGO")}


def test_expelled_observers_is_1662() -> None:
    found = coded("Venezuela expelled European Union election observers last week.")
    assert found == {("VEN", "1662", "IGOEUREEC")}


def test_expelled_peacekeepers_is_1661() -> None:
    found = countries("Sudan expelled United Nations peacekeepers from Darfur.")
    assert found == {("SDN", "1661", "IGO")}


def test_expelled_diplomats_is_not_an_inspection_mission() -> None:
    assert coded("Kenya expelled two British diplomats on Tuesday.") == {("KEN", "161", "GBRGOV")}


# A lawsuit is 115 (bring lawsuit against), whatever its preposition; 173 is a state's charge.


def test_suing_for_damages_is_a_lawsuit() -> None:
    found = coded("A French businessman is suing Germany for damages over his ships.")
    assert found == {("FRABUS", "115", "DEU")}


def test_charging_stays_a_legal_action() -> None:
    found = countries("Prosecutors in Kenya charged a British journalist with espionage.")
    assert ("KEN", "173", "GBR") in found
    assert not any(code == "115" for _, code, _ in found)


# Armed men who surrender retreat militarily (0874), as soldiers already did.


def test_rebels_surrendering_is_a_military_retreat() -> None:
    found = coded("Two hundred Colombian rebels surrendered on Friday after an army offensive.")
    assert found == {("COLREB", "0874", "COL")}


def test_soldiers_surrendering_is_unchanged() -> None:
    assert coded("Two hundred Colombian soldiers surrendered on Friday.") == {
        ("COLMIL", "0874", "COL")
    }


def test_government_yielding_stays_a_concession() -> None:
    found = coded("The Colombian government yielded to the demands of the strikers.")
    assert all(code != "0874" for _, code, _ in found)


# Arms sent to an actor are military aid (072), not a deployment (154).


def test_sending_arms_to_a_state_is_military_aid() -> None:
    assert countries("China sent arms to Pakistan in March.") == {("CHN", "072", "PAK")}


def test_sending_a_delegation_is_not_aid() -> None:
    found = countries("Canada sent a delegation to Ukraine on Monday.")
    assert found == {("CAN", "042", "UKR"), ("UKR", "043", "CAN")}


# Preventing a demonstration or a march restricts the freedom of assembly (1721), as preventing a
# protest or a rally already did; a thing that prevents a march is no actor.


def test_police_preventing_a_demonstration_is_1721() -> None:
    found = coded("Egyptian police prevented the demonstration staged by students in Cairo.")
    assert found == {("EGYCOP", "1721", "EGY")}


def test_rain_preventing_a_march_is_no_event() -> None:
    assert coded("Heavy rain prevented the march in London on Friday.") == set()


def test_preventing_a_visit_is_unchanged() -> None:
    found = countries("Bad weather in Nepal prevented the visit of the Indian minister.")
    assert not any(code == "1721" for _, code, _ in found)


# A pattern naming only the subject ("troops *", written for TAKE: occupation) carries over to
# synonyms of TAKE's sense, not to ARREST, which has a code of its own.


def test_soldiers_arresting_men_is_an_arrest() -> None:
    found = countries("Israeli soldiers arrested twenty Palestinians in Hebron on Saturday.")
    assert found == {("ISR", "173", "PSE")}


def test_troops_capturing_a_town_stays_an_occupation() -> None:
    assert countries("Turkish troops captured the Syrian town of Afrin.") == {("TUR", "192", "SYR")}


# Withdrawing inspectors, observers or aid workers ends the mission (1662, 1663); announced for
# the future, it is a threat; withdrawing troops stays a military retreat.


def test_withdrawing_observers_is_1662() -> None:
    found = countries("The United Nations withdrew its observers from Syria on Monday.")
    assert found == {("IGO", "1662", "SYR")}


def test_withdrawing_aid_workers_is_1663() -> None:
    found = coded("The Red Cross withdrew its aid workers from Somalia.")
    assert found == {("NGOHLHIRC", "1663", "SOM")}


def test_announced_withdrawal_of_inspectors_is_a_threat() -> None:
    found = countries("The United Nations announced it will withdraw its inspectors from Iraq.")
    assert found == {("IGO", "131", "IRQ")}


def test_withdrawing_troops_stays_a_retreat() -> None:
    assert countries("Israel withdrew its troops from Gaza.") == {("ISR", "0874", "PSE")}


# Forces preparing an attack or an offensive make ready for combat (154); preparing a visit is
# still an intent to cooperate (030).


def test_army_preparing_to_attack_is_154() -> None:
    found = coded("The Macedonian army prepared to attack Albanian rebel positions.")
    assert found == {("MKDMIL", "154", "ALB")}


def test_forces_preparing_an_offensive_is_154() -> None:
    found = coded("Ukrainian forces are preparing an offensive against Russian troops.")
    assert found == {("UKRMIL", "154", "RUSMIL")}


def test_preparing_a_visit_stays_an_intent() -> None:
    found = coded("The Macedonian army prepared to visit Albanian rebel positions.")
    assert found == {("MKDMIL", "030", "ALB")}


# A bare verb coordinated with an appeal's complement ("to unite and expel") is asked for with
# it, not done by the one who appealed; subjectless past-tense conjuncts are still coded.


def test_second_verb_of_an_appeal_is_not_the_callers_act() -> None:
    found = countries("Iran called on Iraqis to unite and expel the American troops.")
    assert found == {("IRN", "020", "IRQ")}


def test_single_verb_of_an_appeal_is_not_the_callers_act() -> None:
    found = countries("Iran called on Iraq to expel the American troops.")
    assert found == {("IRN", "020", "IRQ")}


def test_coordinated_past_verbs_are_both_coded() -> None:
    # (only the second verb is this rule's business: a past-tense conjunct keeps its event)
    found = coded("The Kenyan police arrested and charged the British journalist.")
    assert ("KENCOP", "112", "GBRMED") in found


# Reducing aid or food supplies to X cuts the aid (162, 1623); reducing troops stays 0873.


def test_reducing_food_supplies_is_1623() -> None:
    found = countries("The United Nations reduced food supplies to the Somali refugee camps.")
    assert found == {("IGO", "1623", "SOM")}


def test_reducing_aid_is_162() -> None:
    assert countries("The United States reduced aid to Egypt on Monday.") == {("USA", "162", "EGY")}


def test_reducing_troops_stays_a_demobilization() -> None:
    assert countries("Iran reduced its troops in Syria.") == {("IRN", "0873", "SYR")}


# Easing emergency measures eases restrictions (081) at home.


def test_easing_emergency_measures_is_081() -> None:
    found = coded("The Chilean government eased emergency measures on Wednesday.")
    assert found == {("CHLGOV", "081", "CHL")}


# Mobilizing people who are no force is no show of force (150); mobilizing troops stays 154.


def test_mobilizing_lobbyists_is_no_show_of_force() -> None:
    found = countries("Saudi Arabia mobilized lobbyists in the United States to help the refugees.")
    assert not any(code.startswith("15") for _, code, _ in found)


def test_mobilizing_troops_on_a_border_stays_154() -> None:
    assert countries("Iran mobilized its troops on the Iraqi border.") == {("IRN", "154", "IRQ")}


# Dismissing an appeal, a request or an offer rejects it (120); dismissing an accusation is
# no rejection.


def test_dismissing_an_appeal_is_a_rejection() -> None:
    found = countries("Colombian rebels dismissed an appeal from the Colombian president.")
    assert found == {("COL", "120", "COL")}


def test_dismissing_an_offer_is_a_rejection() -> None:
    assert countries("Iran dismissed the American offer of talks.") == {("IRN", "120", "USA")}


def test_dismissing_an_accusation_is_no_rejection() -> None:
    found = countries("Iran dismissed the accusation by the United States.")
    assert not any(code.startswith("12") for _, code, _ in found)


# An object moved after its "as" description ("denounced as an ugly crime Serbia's X") is the
# verb's object, whichever way the parser attaches it; an "as" phrase alone names no target.


def test_object_moved_after_its_description_is_the_target() -> None:
    text = "Albania on Friday denounced as an ugly crime Serbia's suppression of the protests."
    assert countries(text) == {("ALB", "111", "SRB")}


def test_as_phrase_alone_names_no_target() -> None:
    assert countries("The minister served as Kenya's ambassador to France.") == set()


def test_bracketed_apposition_of_a_role_is_no_target() -> None:
    text = "The senator is eligible to serve as VPOTUS (Vice President of the United States)."
    assert countries(text) == set()
