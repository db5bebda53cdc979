"""Parties linked across sentences and phrases (issue 16, helper link7): a surname is the
person named in full before it, a supporter of someone is of their country, not their office,
and filling a post submits to no one."""

from __future__ import annotations

import pytest
from tests.events.conftest import coded

pytestmark = pytest.mark.slow  # loads the spaCy model


# --- a surname is the one person named in full before it (actors.coref.same_person) ---------


def test_surname_is_the_person_named_before_a_later_namesake() -> None:
    # Her father, named further down, shares the surname; "Lopez" in the second sentence can
    # only be the senator, the one Lopez introduced so far.
    text = (
        "Senator Maria Lopez of Texas spoke on Monday. Lopez criticized President Donald Trump. "
        "Her father, Pedro Lopez, was born in Mexico."
    )
    assert coded(text) == {("USALEG", "111", "USAGOV")}


def test_surname_after_two_namesakes_stays_unresolved() -> None:
    # Both were named before "Lopez": no telling which one criticized Trump.
    text = (
        "Senator Maria Lopez of Texas and her father Pedro Lopez spoke on Monday. "
        "Lopez criticized President Donald Trump."
    )
    assert coded(text) == set()


# --- a supporter of someone is of their country (events.parties._followers) -----------------


def test_supporter_of_a_president_is_no_attack_on_the_government() -> None:
    text = "President Donald Trump spoke on Monday. A Trump supporter was shot in Portland."
    assert coded(text) == {("", "190", "USA")}


def test_supporters_of_a_leader_are_his_compatriots() -> None:
    text = "About 300 supporters of former President Ahmed Ben Bella blocked roads in Algiers."
    assert coded(text) == {("DZA", "144", "DZA")}


def test_supporters_of_a_group_stay_the_group() -> None:
    # Only a person named as the one followed is left out; "Hamas supporters" is Hamas.
    assert coded("Police arrested two Hamas supporters in Hebron.") == {
        ("PSECOP", "173", "PSEREBHMS")
    }


def test_opponent_named_in_apposition_is_that_person() -> None:
    assert coded("President Donald Trump criticized his opponent Joe Biden.") == {
        ("USAGOV", "111", "USAELI")
    }


# --- filling a post (verbs.txt, SUBMIT block of helper link7) --------------------------------


def test_filling_a_vacancy_submits_to_no_one() -> None:
    assert coded("Senator Maria Lopez of Texas filled the vacancy left by the governor.") == set()


def test_filling_demands_still_submits() -> None:
    assert coded("The Iranian government filled the demands of Russia.") == {
        ("IRNGOV", "080", "RUS")
    }
