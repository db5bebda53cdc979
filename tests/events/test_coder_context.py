"""Events of actors whose country came from the context (actors.context_country)."""

from __future__ import annotations

from datetime import date

import pytest
from tests.events.conftest import coded

pytestmark = pytest.mark.slow  # loads the spaCy model

KENYA = (
    "Kenya's government said the vote would go ahead. President Uhuru Kenyatta met "
    "Ugandan officials in Nairobi. Kenyan police were deployed across Kenya. "
)


def test_police_and_protesters_placed_by_the_clause() -> None:
    found = coded("Police arrested 20 protesters in Nairobi on Monday.")
    # Who coerced whom (the verb's code, 173 or 175, is the verb dictionary's business).
    assert {(src, tgt) for src, code, tgt in found if code[:2] == "17"} == {("KENCOP", "KENOPP")}


def test_a_titled_person_of_the_article_country_acts() -> None:
    found = coded(KENYA + "Superintendent Wanjiru Achieng accused Uganda of smuggling arms.")
    assert ("KENCOP", "112", "UGA") in found


def test_a_person_known_only_by_the_article_country_is_no_party() -> None:
    found = coded(KENYA + "Wanjiru Achieng accused Uganda of smuggling arms.")
    assert not any(src == "KEN" for src, _, _ in found)


def test_a_protest_without_named_protesters_is_by_the_place_s_public() -> None:
    assert coded("Anti-government protests continue in Baghdad.") == {("IRQOPP", "140", "IRQ")}


def test_an_unnamed_protest_denied_or_postponed_is_no_event() -> None:
    assert coded("Protests are not reported in Mosul.") == set()
    assert coded("The leaders agreed to postpone the demonstration in Baku.") == set()


def test_an_unnamed_rally_is_no_protest() -> None:
    # Most rallies in news are campaign rallies.
    assert (
        coded("Two days later, he returned to the campaign trail with a rally in Miami.") == set()
    )


def test_a_private_person_is_the_victim_of_force_by_a_named_doer() -> None:
    # Known only by the article's country, Wanjiru Achieng can still be arrested or attacked.
    arrested = coded(KENYA + "Kenyan police arrested Wanjiru Achieng in Mombasa on Monday.")
    assert {(src, tgt) for src, code, tgt in arrested if code[:2] == "17"} == {("KENCOP", "KEN")}
    # ... but not by no one: "was found dead" names no doer.
    context = coded(KENYA)  # Kenyatta met Ugandan officials: 040
    assert coded(KENYA + "Wanjiru Achieng was found dead in Mombasa on Monday.") == context
    # ... and a statement about them is still no event.
    assert coded(KENYA + "Kenya's government criticised Wanjiru Achieng on Monday.") == context


def test_a_party_s_members_named_by_its_name() -> None:
    # "Democrats", "Republicans", "Democratic leadership": a party group (PTY) of the article's
    # country, as Phoenix's "Democratic Party".
    usa = "The vote was held in Washington. American voters in the United States watched. "
    day = date(2020, 9, 8)
    assert coded(usa + "Democrats criticized President Trump on Monday.", day) == {
        ("USAPTY", "111", "USAGOV")
    }
    assert coded(
        usa + "President Trump blamed Democratic leadership for violence in US cities.", day
    ) == {("USAGOV", "1124", "USAPTY")}
