"""Parties linked across sentences and phrases (issue 16, helper link7): a surname is the
person named in full before it, and filling a post submits to no one."""

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


# --- filling a post (verbs.txt, SUBMIT block of helper link7) --------------------------------


def test_filling_a_vacancy_submits_to_no_one() -> None:
    assert coded("Senator Maria Lopez of Texas filled the vacancy left by the governor.") == set()


def test_filling_demands_still_submits() -> None:
    assert coded("The Iranian government filled the demands of Russia.") == {
        ("IRNGOV", "080", "RUS")
    }
