"""Mutual events among listed parties: coordinated subjects meeting at a place, and mutual event
nouns that list their own parties ("a meeting between X and Y")."""

from __future__ import annotations

from datetime import date

import pytest
from tests.events.conftest import coded

pytestmark = pytest.mark.slow  # loads the spaCy model

THREE_WAY = {
    ("CYP", "040", "GRC"),
    ("CYP", "040", "ISR"),
    ("GRC", "040", "CYP"),
    ("GRC", "040", "ISR"),
    ("ISR", "040", "CYP"),
    ("ISR", "040", "GRC"),
}


def test_coordinated_subjects_meeting_at_a_place_meet_each_other() -> None:
    # Athens says where they met; Greece is one of the three, not their host.
    assert coded("Cyprus, Greece and Israel met in Athens on Monday.") == THREE_WAY


def test_a_meeting_noun_lists_its_parties_with_of() -> None:
    assert coded("The trilateral meeting of Cyprus, Greece and Israel took place on Monday.") == (
        THREE_WAY
    )


def test_a_meeting_noun_setting_the_scene_of_a_passive_clause() -> None:
    text = "During the trilateral meeting of Cyprus, Greece and Israel, the pipeline was discussed."
    assert coded(text) == THREE_WAY


def test_talks_between_two_parties() -> None:
    assert coded("Talks between Iran and Russia ended on Monday.") == {
        ("IRN", "040", "RUS"),
        ("RUS", "040", "IRN"),
    }


def test_a_condemned_meeting_still_took_place() -> None:
    assert coded("Iran condemned the meeting between Israel and Bahrain.") == {
        ("BHR", "040", "ISR"),
        ("ISR", "040", "BHR"),
        ("IRN", "111", "BHR"),
        ("IRN", "111", "ISR"),
    }


def test_an_earlier_accord_named_as_background_is_not_coded() -> None:
    text = "Fighting has stopped since the peace accord between Iran and Iraq."
    assert not {(s, c, t) for s, c, t in coded(text) if c == "057"}


def test_a_single_party_is_no_meeting() -> None:
    assert coded("The meeting of the Iranian cabinet ended on Monday.") == set()


def test_a_statement_s_author_did_the_passive_act() -> None:
    assert coded("Turkey was condemned in a joint statement by Egypt, Greece and Cyprus.") == {
        ("EGY", "111", "TUR"),
        ("GRC", "111", "TUR"),
        ("CYP", "111", "TUR"),
    }


def test_a_passive_conjunct_shares_its_head_s_subject_as_target() -> None:
    assert coded("Iran launched missiles and was condemned by Israel.") == {("ISR", "111", "IRN")}


def test_event_nouns_of_coercion_and_occupation_take_their_of_object() -> None:
    assert coded("Russia's annexation of Crimea was condemned.") == {("RUS", "192", "UKR")}
    assert coded("Iran's arrest of two British nationals angered London.") == {
        ("IRN", "173", "GBRCVL")
    }


def test_every_phrase_of_the_target_preposition_is_a_target() -> None:
    text = "Kyriakos Mitsotakis met with the International Monetary Fund, then with Donald Trump."
    assert coded(text, date(2020, 1, 8)) == {
        ("GRCGOV", "040", "IGOBUSIMF"),
        ("GRCGOV", "040", "USAGOV"),
    }
