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


# Praise and criticism told with verbs of force or light verbs (issue 16, roots 05 and 11).
VERBAL_CASES: list[tuple[str, str, Coded]] = [
    # a verb of force whose material sense takes no person: with a politician as object, words
    (
        "blasted_person",
        "Iran's foreign minister blasted Mike Pompeo over the sanctions.",
        {("IRNGOV", "111", "USAGOV")},
    ),
    (
        "hammered_person",
        "President Emmanuel Macron hammered Jair Bolsonaro over the Amazon fires.",
        {("FRAGOV", "111", "BRAGOV")},
    ),
    (
        "ripped_person",
        "Chancellor Angela Merkel ripped Donald Trump on Tuesday.",
        {("DEUGOV", "111", "USAGOV")},
    ),
    # ... but an armed force's blast or hammering of forces or targets stays material
    (
        "hammered_forces",
        "Russian artillery hammered Ukrainian forces near Bakhmut.",
        {("RUSMIL", "193", "UKRMIL")},
    ),
    (
        "blasted_targets",
        "Israeli jets blasted Hamas targets in Gaza.",
        {("ISRMIL", "195", "PSEREBHMS")},
    ),
    # "attacked": words only between political actors
    (
        "attacked_between_politicians",
        "Vice President Mike Pence attacked Speaker Nancy Pelosi on Monday.",
        {("USAGOV", "111", "USALEG")},
    ),
    (
        "attacked_by_gunmen",
        "Gunmen attacked Vice President Mike Pence on Monday.",
        {("", "190", "USAGOV")},
    ),
    ("state_attacked_state", "Israel attacked Iran on Monday.", {("ISR", "190", "IRN")}),
    # light verbs and their nouns (verbs.txt, block of evaluative2)
    (
        "paid_tribute",
        "Chancellor Angela Merkel paid tribute to Emmanuel Macron on Monday.",
        {("DEUGOV", "051", "FRAGOV")},
    ),
    (
        "paid_homage",
        "Chancellor Angela Merkel paid homage to Emmanuel Macron on Monday.",
        {("DEUGOV", "051", "FRAGOV")},
    ),
    # a tribute to no one named is no event (the symbolic act, 017, is a statement's root)
    ("paid_tribute_no_one", "Chancellor Angela Merkel paid tribute on Monday.", set()),
    (
        "voiced_dissatisfaction",
        "Chancellor Angela Merkel voiced dissatisfaction with Emmanuel Macron.",
        {("DEUGOV", "111", "FRAGOV")},
    ),
    (
        "raised_questions_about",
        "Chancellor Angela Merkel raised questions about Emmanuel Macron's plan.",
        {("DEUGOV", "111", "FRAGOV")},
    ),
    (
        "raised_questions_no_actor",
        "Chancellor Angela Merkel raised questions about the plan.",
        set(),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in VERBAL_CASES], ids=[c[0] for c in VERBAL_CASES]
)
def test_praise_and_criticism_verbs(text: str, expected: Coded) -> None:
    assert coded(text, DAY) == expected
