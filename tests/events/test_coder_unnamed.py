"""Unidentified perpetrators, places as targets and group references ("the participating
nations"), on sentences written for these tests (one behaviour per test); each asserts the exact
set of events its sentence yields (tests/events/conftest.py); "" is an unnamed side."""

from __future__ import annotations

from datetime import date

import pytest
from tests.events.conftest import coded, countries, events

pytestmark = pytest.mark.slow  # loads the spaCy model once


def test_unknown_gunmen_attack_targets_place_state() -> None:
    found = events("Gunmen attacked a police station in the Pakistani city of Quetta on Monday.")
    assert [(e.source, e.cameo, e.target, e.source_name) for e in found] == [
        ("", "190", "PAK", "gunmen")
    ]


def test_unknown_attack_noun_subject_is_unnamed_source() -> None:
    found = events("A terrorist attack targeted an army convoy in the Malian town of Gao.")
    assert [(e.source, e.cameo, e.target, e.source_name) for e in found] == [
        ("", "190", "MLIMIL", "terrorists")
    ]


def test_unknown_bomb_explosion_targets_place_state() -> None:
    assert coded("A car bomb exploded at a busy market in Mogadishu.") == {("", "183", "SOM")}


def test_unknown_passive_without_agent_targets_subject() -> None:
    text = "Several Nigerian soldiers were ambushed near the border on Sunday."
    assert coded(text) == {("", "190", "NGAMIL")}


def test_unknown_source_only_for_material_conflict() -> None:
    # a statement by an unnamed speaker is no event
    assert events("Militants criticized Kenya for its new security law.") == []


def test_unknown_named_but_uncoded_doer_is_not_unknown() -> None:
    # a proper name the coder cannot place is somebody, not an unidentified attacker
    assert events("Zorblax Brigade attacked a checkpoint in Kabul.") == []


def test_unknown_passive_with_named_attack_noun_is_not_unnamed() -> None:
    text = "Two farmers were killed in a Turkish air strike in northern Iraq."
    assert countries(text) == {("TUR", "190", "IRQ")}


def test_unknown_participation_passive_subject_is_doer() -> None:
    assert events("Chadian troops were engaged in heavy fighting in the north.") == []


def test_place_target_cooperation_at_home_is_no_event() -> None:
    assert events("Kenyan officials attended a conference in Nairobi on Tuesday.") == []


def test_place_target_city_gives_foreign_state() -> None:
    assert coded("French activists staged a protest in Shanghai.") == {("FRAOPP", "141", "CHN")}


def test_gathering_participating_nations_are_enumerated_countries() -> None:
    text = (
        "Ministers from Peru, Chile and Bolivia attended a water summit in Lima on Monday. "
        "The Peruvian minister urged closer cooperation among the participating nations."
    )
    assert coded(text) == {("PERGOV", "020", "CHLGOV"), ("PERGOV", "020", "BOLGOV")}


def test_gathering_number_picks_enumeration_of_that_size() -> None:
    text = (
        "Envoys of Ghana, Togo and Benin met in Accra. Later, Ghana and Togo signed a trade deal. "
        "Benin urged closer cooperation between the two countries."
    )
    # (signing a deal is signing a formal agreement, 057, with each other: issue 16)
    assert coded(text) == {
        ("BEN", "020", "GHA"),
        ("BEN", "020", "TGO"),
        ("GHA", "057", "TGO"),
        ("TGO", "057", "GHA"),
    }


def test_gathering_unmarked_plural_is_not_resolved() -> None:
    text = (
        "Ministers from Peru, Chile and Bolivia met in Lima. "
        "Peru urged closer cooperation among regional countries."
    )
    assert events(text) == []


def test_date_of_unknown_attack_anchored_by_days_after() -> None:
    text = (
        "Officials met in Quetta on Friday, two days after gunmen attacked a police station in "
        "the Pakistani city of Quetta."
    )
    found = events(text, date(2021, 3, 10))
    assert [(e.source, e.cameo, e.target, e.date) for e in found] == [
        ("", "190", "PAK", "2021-03-03")
    ]


def test_attack_noun_names_the_attacker_of_a_passive_killing() -> None:
    text = "Three Peruvian soldiers were killed in a Chilean air strike on Monday."
    assert coded(text) == {("CHL", "190", "PERMIL")}


def test_the_subject_of_died_is_the_victim() -> None:
    text = "Three Peruvian soldiers died in a Chilean air strike on Monday."
    assert coded(text) == {("CHL", "190", "PERMIL")}


def test_death_without_an_attack_is_no_event() -> None:
    assert events("The Peruvian president died of a heart attack on Monday.") == []


def test_weapon_as_passive_agent_is_an_unidentified_attacker() -> None:
    text = "A Peruvian army helicopter was shot down by a missile on Monday."
    assert coded(text) == {("", "190", "PER")}


def test_an_accident_has_no_unknown_attackers() -> None:
    text = (
        "At least seven people were killed on Monday, when a bomber crashed at an airport in Kenya."
    )
    assert {(s, c, t) for s, c, t in coded(text) if c[:2] in ("18", "19", "20")} == set()


def test_an_agentless_passive_killing_is_still_an_attack() -> None:
    assert coded("Two Kenyan soldiers were killed near the border on Monday.") == {
        ("", "190", "KENMIL")
    }


def test_a_lone_gunman_is_named_gunmen_never_gunmans() -> None:
    from eventwire.events.unnamed_attackers import _plural

    assert [_plural(w) for w in ("gunman", "militiaman", "gunmen", "attacker", "rebels")] == [
        "gunmen", "militiamen", "gunmen", "attackers", "rebels"
    ]  # fmt: skip
    found = events("A gunman attacked a police station in the Pakistani city of Quetta.")
    assert [(e.source, e.cameo, e.target, e.source_name) for e in found] == [
        ("", "190", "PAK", "gunmen")
    ]
