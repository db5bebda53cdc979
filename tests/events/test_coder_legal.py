"""Legal acts (issue 16, CAMEO 115): a party that sues another brings a lawsuit (115), not the
state's arrest or charge (173) the CAMEO dictionary gives the SUE block; a lawsuit noun names
its owner and, by "against" or a contesting participle, whom it is against."""

from __future__ import annotations

import pytest
from tests.events.conftest import coded, countries

pytestmark = pytest.mark.slow  # loads the spaCy model


def test_sued_y_brings_a_lawsuit_against_y() -> None:
    assert coded("The German government sued the French government.") == {
        ("DEUGOV", "115", "FRAGOV")
    }


def test_sued_y_to_block_z_sues_y() -> None:
    text = "The German government sued the French government to block the new tax."
    assert countries(text) == {("DEU", "115", "FRA")}


def test_sued_to_stop_z_names_no_one_sued() -> None:
    # "sued to stop the publication": the thing the suit would stop is not a party sued.
    text = "The Indian government sued to stop the publication of the newspaper."
    assert countries(text) == set()


def test_arrest_stays_coercion() -> None:
    assert countries("French police arrested the mayor of Berlin.") == {("FRA", "173", "DEU")}


def test_filed_a_lawsuit_against_y() -> None:
    text = "The German government filed a lawsuit against the French government."
    assert coded(text) == {("DEUGOV", "115", "FRAGOV")}


def test_possessed_lawsuit_against_y() -> None:
    text = "The German government's lawsuit against the French government was dismissed."
    assert coded(text) == {("DEUGOV", "115", "FRAGOV")}


def test_lawsuit_challenging_y() -> None:
    text = "A court dismissed Germany's lawsuit challenging the French government's tax."
    assert countries(text) == {("DEU", "115", "FRA")}


def test_lawsuit_with_a_participle_that_contests_nothing() -> None:
    # "a lawsuit naming X" names a party, but not by a contesting verb: no target from it.
    text = "Germany's lawsuit, describing the French government as reckless, was heard."
    assert ("DEU", "115", "FRA") not in countries(text)


def test_suit_of_clothes_is_no_lawsuit() -> None:
    assert countries("The French president wore a suit at the German embassy.") == set()


# Coercion an authority announces: "the federation announced X was banned" is the federation's
# ban (CAMEO 17), the passive subject its target.


def test_announced_ban_is_the_announcers() -> None:
    text = "The German government announced two Russian diplomats were banned."
    assert coded(text) == {("DEUGOV", "172", "RUSGOV")}


def test_announced_arrest_is_the_announcers() -> None:
    text = "The Turkish government announced that two Greek journalists were arrested."
    assert coded(text) == {("TURGOV", "173", "GRCMED")}


def test_announced_arrest_by_a_named_agent_is_the_agents() -> None:
    text = (
        "The Turkish government announced that two Greek journalists were arrested by"
        " Bulgarian police."
    )
    assert coded(text) == {("BGRCOP", "173", "GRCMED")}


def test_reported_arrest_is_not_the_reporters() -> None:
    # "said" relays someone else's act: Amnesty arrested no one.
    assert coded("Amnesty International said two Greek journalists were arrested.") == set()


def test_announced_killing_is_not_the_announcers() -> None:
    # Only coercion (17) is the announcer's: a death announced is not caused by the announcer.
    text = "The Turkish government announced that two Greek journalists were killed."
    assert ("TURGOV", "190", "GRCMED") not in coded(text)


# Bringing, filing, initiating a lawsuit: light verbs whose subject owns the suit.


def test_brought_a_lawsuit_against_y() -> None:
    text = "The German government brought a lawsuit against the French government."
    assert coded(text) == {("DEUGOV", "115", "FRAGOV")}


def test_initiated_lawsuits_challenging_y() -> None:
    text = (
        "The German government initiated several lawsuits challenging the French government's tax."
    )
    assert coded(text) == {("DEUGOV", "115", "FRAGOV")}


def test_filed_a_report_is_no_event() -> None:
    assert countries("The company filed its annual report with the French regulator.") == set()


# Threats with a weapon: "drew / pulled a gun on X" threatens X with force (138).


def test_drew_weapons_on_y_threatens_y() -> None:
    assert coded("Turkish police drew weapons on Greek protesters.") == {
        ("TURCOP", "138", "GRCOPP")
    }


def test_pulled_a_gun_on_y_threatens_y() -> None:
    assert countries("A Turkish soldier pulled a gun on Greek journalists.") == {
        ("TUR", "138", "GRC")
    }


def test_drew_a_map_of_y_is_no_threat() -> None:
    assert countries("The Turkish general drew a map of the Greek islands.") == set()


# Breaking up a crowd: "dispersed protesters (with tear gas)" is repression (175).


def test_dispersed_protesters_is_repression() -> None:
    text = "Russian police dispersed Ukrainian demonstrators with tear gas."
    assert countries(text) == {("RUS", "175", "UKR")}


def test_dispersed_the_crowds_is_repression() -> None:
    assert countries("Russian police dispersed the crowds in Kyiv.") == {("RUS", "175", "UKR")}


def test_dispersed_leaflets_is_no_repression() -> None:
    assert countries("Russian activists dispersed leaflets in Kyiv.") == set()
