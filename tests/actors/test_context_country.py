"""The country from the context: a clause's place for sector-only groups, the article's country
for groups and persons the text gives none (actors.context_country)."""

from __future__ import annotations

import pytest
from tests.actors.conftest import Recognise, by_name

from eventwire.actors.context_country import roleless

pytestmark = pytest.mark.slow  # loads the spaCy model

# A short story about Kenya: Kenya and Nairobi named four times, Uganda once.
KENYA = (
    "Kenya's government said the vote would go ahead. President Uhuru Kenyatta met "
    "Ugandan officials in Nairobi. Kenyan police were deployed across Kenya. "
)


def test_a_place_in_the_clause_gives_a_group_its_country(recognise: Recognise) -> None:
    doc = recognise("Police arrested 20 protesters in Nairobi on Monday.")
    police = by_name(doc, "Police")
    assert (police.code, police.resolved_by) == ("KENCOP", "clause place")
    assert "Nairobi" in (police.detail or "")


def test_a_motion_preposition_places_nothing(recognise: Recognise) -> None:
    doc = recognise("Troops were sent to Nairobi on Monday.")
    assert by_name(doc, "Troops").code == ""


def test_groups_take_the_article_country(recognise: Recognise) -> None:
    doc = recognise(KENYA + "Protesters marched on Tuesday and officials said nothing.")
    protesters = by_name(doc, "Protesters")
    assert (protesters.code, protesters.resolved_by) == ("KENOPP", "article country")
    assert "the article is about KEN" in (protesters.detail or "")
    assert by_name(doc, "officials").code == "KENGOV"


def test_no_article_country_when_two_countries_share_the_story(recognise: Recognise) -> None:
    doc = recognise(
        "Kenya and Uganda signed a deal. Kenyan and Ugandan ministers met in Kampala and "
        "Nairobi. Officials said the border would open."
    )
    assert by_name(doc, "Officials").code == ""


def test_insurgents_take_no_article_country(recognise: Recognise) -> None:
    doc = recognise(KENYA + "Insurgents attacked a bus on Tuesday.")
    assert by_name(doc, "Insurgents").code == ""


def test_a_titled_person_takes_the_article_country_and_the_title_sector(
    recognise: Recognise,
) -> None:
    doc = recognise(KENYA + "Superintendent Wanjiru Achieng said the roads were closed.")
    person = by_name(doc, "Wanjiru Achieng")
    assert (person.code, person.resolved_by) == ("KENCOP", "article country")
    assert not roleless(person)


def test_an_untitled_person_gets_the_country_and_no_role(recognise: Recognise) -> None:
    doc = recognise(KENYA + "Wanjiru Achieng said the roads were closed.")
    person = by_name(doc, "Wanjiru Achieng")
    assert (person.code, person.sector, person.resolved_by) == ("KEN", None, "article country")
    assert roleless(person)


def test_people_posted_abroad_take_no_country_from_the_context(recognise: Recognise) -> None:
    doc = recognise(KENYA + "The ambassador arrived in Nairobi on Tuesday.")
    assert by_name(doc, "ambassador").code == ""


def test_a_person_the_dictionary_knows_takes_no_article_country(recognise: Recognise) -> None:
    # Osama bin Laden's dated row ends in 2011: in a 2019 story about Kenya he has no code on
    # the day, and is still not a Kenyan; an unknown name is.
    doc = recognise(KENYA + "Osama bin Laden praised the attack. Wanjiru Achieng condemned it.")
    osama = by_name(doc, "Osama bin Laden")
    assert (osama.code, osama.resolved_by) == ("", "dictionary")
    assert by_name(doc, "Wanjiru Achieng").code == "KEN"
