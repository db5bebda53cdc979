"""Protests by unnamed crowds (events.crowds, issue 16): where they happened, whether they did."""

from __future__ import annotations

import pytest
from tests.events.conftest import coded

pytestmark = pytest.mark.slow  # loads the spaCy model

# An article clearly about Kenya (its lead country: more than half of the country mentions).
KENYA = (
    "Kenya's government said the vote would go ahead. President Uhuru Kenyatta met "
    "Ugandan officials in Nairobi. Kenyan police were deployed across Kenya. "
)


def protests(text: str) -> set[tuple[str, str, str]]:
    return {(src, code, tgt) for src, code, tgt in coded(text) if code[:2] == "14"}


def test_the_place_of_the_protest_s_clause_places_the_crowd() -> None:
    # The place belongs to the event the protest followed; the protest is in the same clause.
    found = coded("Protests spread after the police shooting of a teenager in Paris.")
    assert found == {("FRAOPP", "140", "FRA")}
    assert coded("In Santiago, the decision was met with demonstrations.") == {
        ("CHLOPP", "141", "CHL")
    }


def test_a_protest_an_act_brought_about_happened() -> None:
    assert coded("The arrest of the opposition leader in Minsk led to protests.") == {
        ("BLROPP", "140", "BLR")
    }
    assert coded("The verdict sparked protests in Lagos.") == {("NGAOPP", "140", "NGA")}


def test_a_protest_that_may_come_is_no_event() -> None:
    assert coded("The new law could spark protests in Lagos.") == set()


def test_unrest_is_a_violent_protest_where_the_clause_places_it() -> None:
    assert coded("Unrest continued in Lagos on Tuesday.") == {("NGAOPP", "145", "NGA")}
    assert coded("Officials fear unrest.") == set()
    # Unplaced unrest takes no country from the article, unlike a protest.
    assert protests(KENYA + "Officials fear unrest.") == set()


def test_a_protest_as_a_topic_is_no_event() -> None:
    assert coded("Leaders attended a summit on the unrest in Mali.") == set()


def test_an_unplaced_protest_is_in_the_article_s_lead_country() -> None:
    assert protests(KENYA + "A protest took place outside the stadium.") == {
        ("KENOPP", "140", "KEN")
    }
    # Without a clear lead country there is no one to code.
    assert coded("A protest took place outside the stadium.") == set()


def test_a_cancelled_or_postponed_protest_is_no_event() -> None:
    assert protests(KENYA + "The protest planned for Friday was cancelled.") == set()
    assert protests(KENYA + "The protest was postponed.") == set()


def test_a_crowd_gathered_to_protest_made_that_protest() -> None:
    found = coded("Thousands of people rallied in Caracas to protest the election results.")
    assert found == {("VENPPL", "140", "VEN")}
    found = coded("Students gathered outside the parliament in Belgrade to protest the new law.")
    assert found == {("SRBEDU", "140", "SRB")}


def test_a_rally_for_someone_or_a_planned_gathering_is_no_protest() -> None:
    assert coded("Thousands of supporters rallied in Miami for the president.") == set()
    assert coded("Students plan to gather in Belgrade to protest the new law.") == set()


def test_a_protest_named_by_its_movement_is_the_crowd_s() -> None:
    # The parser reads "A Black Lives Matter protest" as a name with the protest in apposition.
    text = KENYA + "A Black Lives Matter protest had taken place in Uhuru Park earlier that day."
    assert protests(text) == {("KENOPP", "140", "KEN")}


def test_the_public_surrounding_someone_obstructs() -> None:
    found = coded("A group of protesters surrounded the minister's car in Nairobi.")
    assert found == {("KENOPP", "144", "KENGOV")}
    assert coded("Protesters surrounded the parliament building in Belgrade.") == {
        ("SRBOPP", "144", "SRB")
    }
    # Troops surrounding a town are no protest.
    assert coded("Troops surrounded the town of Idlib.") == set()
