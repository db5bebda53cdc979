"""General constructions found through the PETR2 GSR misses (issue 16, helper petr7), on
sentences written for these tests; each asserts the exact set of events its sentence yields
(tests/events/conftest.py)."""

from __future__ import annotations

import pytest
from tests.events.conftest import countries

pytestmark = pytest.mark.slow  # loads the spaCy model once


# An appeal or demand whose complement clause is passive: its subject is acted upon, and the
# one asked to act (a court, a captor) is unnamed (sides.clause_subject_deps).


def test_hope_passive_clause_names_no_one_asked() -> None:
    text = "Kenya's minister said he hoped the Somali commanders would be tried in Nairobi."
    assert countries(text) == set()


def test_demand_passive_clause_names_no_one_asked() -> None:
    assert countries("Turkey demanded that the Greek soldiers be released.") == set()


def test_hope_active_clause_asks_its_subject() -> None:
    assert countries("France hopes Iran will join the talks.") == {("FRA", "026", "IRN")}


def test_demand_active_clause_asks_its_subject() -> None:
    assert countries("Britain demanded that Iran release the sailors.") == {("GBR", "100", "IRN")}


# "X wants to VERB": the subject's own intent, whose kind is the complement's act (verb class
# planning, like "plans to"); "wants help" (a noun) stays an appeal for aid.


def test_wants_to_help_is_intent_to_provide_aid() -> None:
    text = "The US Secretary of State wants to help Israel."
    assert countries(text) == {("USA", "033", "ISR")}


def test_wants_to_buy_is_intent_to_cooperate_materially() -> None:
    assert countries("Turkey wants to buy Russian missiles.") == {("TUR", "031", "RUS")}


def test_wants_to_attack_stays_a_threat() -> None:
    assert countries("Obama wants to attack Switzerland.") == {("USA", "138", "CHE")}


def test_wants_help_noun_stays_an_appeal_for_aid() -> None:
    assert countries("Haiti wants help from the United States.") == {("HTI", "023", "USA")}


def test_wants_someone_to_act_stays_an_appeal() -> None:
    assert countries("Obama wants Putin to attack Switzerland.") == {("USA", "020", "RUS")}


# "killed in Israeli (tank) shelling": the parser reads the attack noun in -ing as a verb of its
# own, leaving its nationality as the preposition's object (coder._gerund_attack).


def test_killed_in_nationality_shelling_is_that_nations_attack() -> None:
    text = "Four children were killed in Israeli shelling in the Gaza Strip on Friday."
    assert countries(text) == {("ISR", "190", "PSE")}


def test_killed_in_nationality_weapon_shelling_is_that_nations_attack() -> None:
    text = "Four children were killed in Israeli tank shelling in the Gaza Strip on Friday."
    assert countries(text) == {("ISR", "190", "PSE")}


def test_killed_in_nationality_shelling_names_its_victims() -> None:
    text = "Two Syrian soldiers were killed in Turkish artillery shelling near Idlib."
    assert countries(text) == {("TUR", "190", "SYR")}


def test_shelling_with_no_nationality_names_no_attacker() -> None:
    assert countries("Three civilians were killed during heavy shelling in Aleppo.") == set()


# A bare infinitive the parser coordinated with a finite verb ("has jailed ... and join") is
# the complement of a causative ("helping militants join"): it does not share that verb's
# subject (parties._bare_conjunct_of_finite).


def test_bare_infinitive_conjunct_does_not_take_the_finite_verbs_subject() -> None:
    text = (
        "A Tunisian court has jailed an Algerian student for helping young militants join an"
        " armed Islamic group in Libya."
    )
    assert countries(text) == {("TUN", "173", "DZA")}


def test_finite_conjuncts_share_their_subject() -> None:
    text = "Russia attacked Georgia and bombed Ukraine."
    assert countries(text) == {("RUS", "190", "GEO"), ("RUS", "190", "UKR")}


def test_bare_conjuncts_of_a_bare_verb_share_their_subject() -> None:
    text = "Iran will meet France and discuss the nuclear deal."
    assert countries(text) == {("IRN", "036", "FRA")}
