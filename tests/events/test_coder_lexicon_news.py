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
