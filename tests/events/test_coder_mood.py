"""What the text asserts (events.mood) and which lines carry news (events.boilerplate), on
sentences written for them; each test asserts the exact set of events (tests/events/conftest.py).
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.events.conftest import coded, countries, events, negated

pytestmark = pytest.mark.slow  # loads the spaCy model once


# --- negation in its other forms ---------------------------------------------------------


def test_denied_clause_is_negated() -> None:
    text = "Russia denied that its forces attacked Ukraine."
    assert coded(text) == set()
    assert negated(text) == {("RUSMIL", "190", "UKR")}


def test_unable_to_is_negated() -> None:
    text = "Kenyan police were unable to arrest Somali militants."
    assert coded(text) == set()


def test_not_until_says_when_it_happened() -> None:
    text = "Bernie Sanders did not endorse Hillary Clinton until July."
    assert coded(text) == {("USALEG", "051", "USAELI")}
    assert negated(text) == set()


def test_negation_is_shared_by_verbs_coordinated_with_or() -> None:
    text = "Chile did not criticize or threaten Peru."
    assert coded(text) == set()
    # ("criticize" finds no target of its own: the object is threaten's)
    assert negated(text) == {("CHL", "130", "PER")}


def test_negation_on_the_copula_of_an_adjective_negates_its_complement() -> None:
    text = "Chile was not able to expel Peruvian diplomats."
    assert coded(text) == set()
    assert negated(text) == {("CHL", "161", "PERGOV")}


def test_negative_subject_negates() -> None:
    text = "Neither China nor Russia condemned North Korea."
    assert coded(text) == set()
    assert negated(text) == {("CHN", "111", "PRK"), ("RUS", "111", "PRK")}


def test_yet_to_is_not_done() -> None:
    text = "Russia is yet to recognize Kosovo."
    assert coded(text) == set()
    assert negated(text) == {("RUS", "051", "KSV")}


def test_attributed_events_are_coded_as_reported() -> None:
    # the news gold codes what the text reports, "reportedly" or "allegedly" (NEWS-GOLD.md)
    assert coded("Russian troops reportedly attacked Ukrainian troops.") == {
        ("RUSMIL", "190", "UKRMIL")
    }


# --- what is unreal stays unreal down the clause ------------------------------------------


def test_complement_of_a_hypothetical_verb_is_not_coded() -> None:
    text = "A proposed law would have allowed China to extradite Taiwanese citizens."
    assert events(text) == []


def test_what_a_standing_permission_permits_is_not_coded() -> None:
    assert events("The law allows Chinese police to arrest Hong Kong residents.") == []
    assert events("A proposed law allowing China to extradite Taiwanese citizens passed.") == []


def test_planned_or_cancelled_event_noun_is_not_coded() -> None:
    assert events("Trump's planned trip to Poland was cancelled.") == []
    assert events("Trump's trip to Poland was postponed.") == []
    assert coded("Trump's visit to Poland was a success.") == {("USAGOV", "042", "POL")}
    # a light verb's object: the verb's mood decides, the modifier tells its history
    assert countries("Israel launched its long-planned invasion of Lebanon.") == {
        ("ISR", "192", "LBN")
    }


def test_verb_coordinated_with_a_hypothetical_one_is_not_coded() -> None:
    text = "Chile could expel Peruvian diplomats and arrest Peruvian traders."
    assert events(text) == []


def test_verb_coordinated_with_a_future_one_is_an_intent() -> None:
    text = "Chile will expel Peruvian diplomats and arrest Peruvian traders."
    # threats of sanctions (131) and of repression (137), not an arrest that happened (173)
    assert countries(text) == {("CHL", "131", "PER"), ("CHL", "137", "PER")}


def test_present_tense_under_a_condition_is_a_rule_not_an_event() -> None:
    text = "Peruvian traders are arrested by Chilean police if they cross the border."
    assert events(text) == []


def test_threat_with_a_condition_is_still_a_threat() -> None:
    text = "Russia threatens to attack Ukraine if Ukraine joins NATO."
    assert countries(text) == {("RUS", "130", "UKR")}


def test_past_event_with_a_condition_in_its_object_clause_is_kept() -> None:
    assert countries("Chile criticized Peru on Monday.") == {("CHL", "111", "PER")}


# --- intents are dated on the day they were stated ----------------------------------------

WEDNESDAY = date(2019, 6, 5)


def test_intent_is_dated_when_stated_not_when_intended() -> None:
    found = events("On Monday, Putin said he will visit China next week.", WEDNESDAY)
    assert [(e.source, e.cameo, e.target, e.date) for e in found] == [
        ("RUSGOV", "036", "CHN", "2019-06-03")
    ]


def test_intent_stated_in_the_article_is_dated_on_its_day() -> None:
    found = events("Putin will visit China on Friday.", WEDNESDAY)
    assert [(e.cameo, e.date, e.date_basis) for e in found] == [("036", "2019-06-05", "published")]


def test_intent_of_a_committing_verb_is_dated_by_that_verb() -> None:
    found = events("Putin pledged on Monday to visit China next month.", WEDNESDAY)
    assert [(e.cameo, e.date) for e in found] == [("036", "2019-06-03")]


# --- boilerplate lines --------------------------------------------------------------------

ARTICLE = """Chile criticized Peru on Monday.

READ MORE: Chile attacked Peru on Monday.

Related: Bolivia attacked Peru

Bolivian soldiers fight Peruvian troops. Photo: Reuters.

Share this: Ecuador praised Peru.

Argentina praised Uruguay.

Sources

Brazil attacked Paraguay.
"""


def test_link_lines_captions_and_closing_sections_are_not_coded() -> None:
    found = {(e.source, e.cameo, e.target) for e in events(ARTICLE)}
    assert found == {("CHL", "111", "PER"), ("ARG", "051", "URY")}
