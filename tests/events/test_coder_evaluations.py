"""Evaluative descriptions (events.evaluations): a describing verb whose description of its
object is negative is criticism (111), positive praise (051), neutral nothing new."""

from __future__ import annotations

from datetime import date

import pytest
from tests.events.conftest import Coded, coded

pytestmark = pytest.mark.slow  # loads the spaCy model

DAY = date(2020, 9, 8)

CASES: list[tuple[str, str, Coded]] = [
    (
        "called_a_liar",
        "Erdogan called the Greek prime minister a liar.",
        {("TURGOV", "111", "GRCGOV")},
    ),
    (
        "called_quoted",
        'Biden called Trump a "national embarrassment" for his performance.',
        {("USAELI", "111", "USAGOV")},
    ),
    ("branded", "Erdogan branded Netanyahu a terrorist.", {("TURGOV", "111", "ISRGOV")}),
    (
        "described_as_friend",
        "Putin described Xi Jinping as a dear friend.",
        {("RUSGOV", "051", "CHNGOV")},
    ),
    (
        "hailed_as_hero",
        "President Uhuru Kenyatta hailed President Yoweri Museveni as a hero of the region.",
        {("KENGOV", "051", "UGAGOV")},
    ),
    # a neutral description changes nothing: CALL's default stays (a phone call, 041)
    ("called_a_candidate", "Biden called Trump a candidate.", {("USAELI", "041", "USAGOV")}),
    # a description that names no actor makes no event
    ("described_speech", "Merkel described the speech as flat.", set()),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_descriptions_code_criticism_or_praise(text: str, expected: Coded) -> None:
    assert coded(text, DAY) == expected
