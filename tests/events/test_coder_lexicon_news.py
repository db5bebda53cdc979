"""Verbs and nouns real news uses that the lexicon lacked (issue 16, helper lex7): each
construction with exact results, and sentences where it must not fire."""

from __future__ import annotations

import pytest
from tests.events.conftest import coded

pytestmark = pytest.mark.slow  # loads the spaCy model


# "used force against X": violent repression (175), as "used tear gas against X".


def test_police_used_force_against_protesters() -> None:
    text = "Belarusian police used force against protesters in Minsk on Sunday."
    assert coded(text) == {("BLRCOP", "175", "BLROPP")}


def test_excessive_force_is_still_force() -> None:
    text = "Belarusian police used excessive force against protesters in Minsk on Sunday."
    assert coded(text) == {("BLRCOP", "175", "BLROPP")}


def test_threat_to_use_force_stays_a_threat() -> None:
    text = "The Belarusian government threatened to use force against protesters."
    assert coded(text) == {("BLRGOV", "130", "BLR")}


def test_force_used_for_no_one_is_no_event() -> None:
    assert coded("French workers used their force to lift the car.") == set()


# "insulted X" criticizes X (111); the verb had no entry (verbs_extra.tsv).


def test_insulted_y_criticizes_y() -> None:
    text = "The Brazilian president insulted French President Emmanuel Macron as arrogant."
    assert coded(text) == {("BRAGOV", "111", "FRAGOV")}


def test_insulted_by_y() -> None:
    text = "French President Emmanuel Macron was insulted by the Brazilian president."
    assert coded(text) == {("BRAGOV", "111", "FRAGOV")}


def test_an_insult_to_the_nation_is_no_event() -> None:
    text = "The Brazilian president called the remarks an insult to the nation."
    assert coded(text) == set()


def test_not_insulting_is_no_event() -> None:
    text = "The Brazilian president did not insult the French president."
    assert coded(text) == set()


# "directed / aimed criticism (accusations) at X" criticizes (111) or accuses (112) X: not
# directing (060) or aiming (030).


def test_directed_criticism_at_y() -> None:
    text = "The Brazilian president directed his criticism at the French government."
    assert coded(text) == {("BRAGOV", "111", "FRAGOV")}


def test_aimed_criticism_at_y() -> None:
    text = "The Brazilian president aimed criticism at the French government."
    assert coded(text) == {("BRAGOV", "111", "FRAGOV")}


def test_aimed_accusations_at_y() -> None:
    text = "The Brazilian president aimed accusations at the French government."
    assert coded(text) == {("BRAGOV", "112", "FRAGOV")}


def test_directing_something_else_keeps_its_sense() -> None:
    text = "The French government directed traffic at the Brazilian embassy."
    assert coded(text) == {("FRAGOV", "060", "BRAGOV")}
