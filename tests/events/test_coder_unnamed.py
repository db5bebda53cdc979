"""Unidentified perpetrators, places as targets and group references ("the participating
nations"), on sentences written for these tests (one behaviour per test)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import code_text
from eventwire.records import Event

pytestmark = pytest.mark.slow  # loads the spaCy model once

DAY = date(2021, 3, 10)


def events(text: str) -> list[Event]:
    return [e for e in code_text(text, DAY) if not e.negated]


def dyads(text: str) -> set[tuple[str, str, str]]:
    """(source country, target country, root); "" is an unknown side."""
    return {(e.source[:3], e.target[:3], e.root) for e in events(text)}


def test_unknown_gunmen_attack_targets_place_state() -> None:
    found = events("Gunmen attacked a police station in the Pakistani city of Quetta on Monday.")
    attack = [e for e in found if e.root in ("18", "19")]
    assert [(e.source, e.target[:3]) for e in attack] == [("", "PAK")]
    assert attack[0].source_name == "gunmen"


def test_unknown_attack_noun_subject_is_unnamed_source() -> None:
    found = events("A terrorist attack targeted an army convoy in the Malian town of Gao.")
    assert [(e.source, e.target, e.source_name) for e in found] == [("", "MLIMIL", "terrorists")]


def test_unknown_bomb_explosion_targets_place_state() -> None:
    assert ("", "SOM", "18") in dyads("A car bomb exploded at a busy market in Mogadishu.")


def test_unknown_passive_without_agent_targets_subject() -> None:
    found = dyads("Several Nigerian soldiers were ambushed near the border on Sunday.")
    assert ("", "NGA", "19") in found


def test_unknown_source_only_for_material_conflict() -> None:
    # a statement by an unnamed speaker is no event
    assert dyads("Militants criticized Kenya for its new security law.") == set()


def test_unknown_named_but_uncoded_doer_is_not_unknown() -> None:
    # a proper name the coder cannot place is somebody, not an unidentified attacker
    assert dyads("Zorblax Brigade attacked a checkpoint in Kabul.") == set()


def test_unknown_passive_with_named_attack_noun_is_not_unnamed() -> None:
    found = dyads("Two farmers were killed in a Turkish air strike in northern Iraq.")
    assert not any(src == "" for src, _, _ in found)


def test_unknown_participation_passive_subject_is_doer() -> None:
    found = dyads("Chadian troops were engaged in heavy fighting in the north.")
    assert ("", "TCD", "19") not in found


def test_place_target_cooperation_at_home_is_no_event() -> None:
    found = dyads("Kenyan officials attended a conference in Nairobi on Tuesday.")
    assert not any(src == tgt == "KEN" for src, tgt, _ in found)


def test_place_target_city_gives_foreign_state() -> None:
    assert ("FRA", "CHN", "14") in dyads("French activists staged a protest in Shanghai.")


def test_gathering_participating_nations_are_enumerated_countries() -> None:
    text = (
        "Ministers from Peru, Chile and Bolivia attended a water summit in Lima on Monday. "
        "The Peruvian minister urged closer cooperation among the participating nations."
    )
    found = {(s, t) for s, t, r in dyads(text) if r == "02"}
    assert found == {("PER", "CHL"), ("PER", "BOL")}


def test_gathering_number_picks_enumeration_of_that_size() -> None:
    text = (
        "Envoys of Ghana, Togo and Benin met in Accra. Later, Ghana and Togo signed a trade deal. "
        "Benin urged closer cooperation between the two countries."
    )
    found = {(s, t) for s, t, r in dyads(text) if r == "02"}
    assert found == {("BEN", "GHA"), ("BEN", "TGO")}


def test_gathering_unmarked_plural_is_not_resolved() -> None:
    text = (
        "Ministers from Peru, Chile and Bolivia met in Lima. "
        "Peru urged closer cooperation among regional countries."
    )
    assert not any(r == "02" for _, _, r in dyads(text))


def test_date_of_unknown_attack_anchored_by_days_after() -> None:
    text = (
        "Officials met in Quetta on Friday, two days after gunmen attacked a police station in "
        "the Pakistani city of Quetta."
    )
    attack = [e for e in code_text(text, DAY) if e.source == "" and e.root == "19"]
    assert attack
    assert attack[0].date == "2021-03-03"


def test_attack_noun_names_the_attacker_of_a_passive_killing() -> None:
    events = code_text(
        "Three Peruvian soldiers were killed in a Chilean air strike on Monday.", DAY
    )
    assert ("CHL", "PER", "19") in {(e.source[:3], e.target[:3], e.root) for e in events}


def test_the_subject_of_died_is_the_victim() -> None:
    events = code_text("Three Peruvian soldiers died in a Chilean air strike on Monday.", DAY)
    assert {(e.source[:3], e.target[:3], e.root) for e in events} == {("CHL", "PER", "19")}


def test_death_without_an_attack_is_no_event() -> None:
    assert code_text("The Peruvian president died of a heart attack on Monday.", DAY) == []


def test_weapon_as_passive_agent_is_an_unidentified_attacker() -> None:
    events = code_text("A Peruvian army helicopter was shot down by a missile on Monday.", DAY)
    assert any(e.source == "" and e.target.startswith("PER") and e.root == "19" for e in events)
