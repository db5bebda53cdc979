"""Event places: locative phrases geocoded offline, by clause, sentence, narrative and dateline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import Location
from eventwire.whenwhere.places import Gazette, geocode, place_refs

pytestmark = pytest.mark.slow

PlaceOf = Callable[..., tuple[Location | None, str]]


@pytest.fixture(scope="module")
def place_of() -> PlaceOf:
    """``place_of(text, trigger_word, hint=None, dateline=None)`` -> (location, basis)."""
    from eventwire import nlp

    def run(
        text: str, word: str, hint: str | None = None, dateline: str | None = None
    ) -> tuple[Location | None, str]:
        parsed = nlp.load()(text)
        token = next(t for t in parsed if t.text == word)
        lines = geocode(dateline, hint) if dateline else None
        return Gazette(parsed, place_refs(parsed, hint), lines).place_of(token)

    return run


def test_geocode_city_has_country_and_coordinates() -> None:
    place = geocode("Damascus", None)
    assert place.country == "SYR"
    assert place.lat is not None
    assert abs(place.lat - 33.5) < 0.2


def test_geocode_country_hint_picks_the_right_tripoli() -> None:
    assert geocode("Tripoli", "LBN").country == "LBN"
    assert geocode("Tripoli", "LBY").country == "LBY"


def test_geocode_country_has_no_point() -> None:
    place = geocode("Syria", None)
    assert (place.country, place.feature, place.lat) == ("SYR", "country", None)


def test_geocode_unknown_name_keeps_only_the_name() -> None:
    assert geocode("Qwertyville", None) == Location(name="Qwertyville")


def test_place_in_the_clause(place_of: PlaceOf) -> None:
    place, basis = place_of("Police arrested three men in Nairobi on Monday.", "arrested")
    assert place is not None
    assert (place.name, place.country, basis) == ("Nairobi", "KEN", "clause")


def test_place_city_of_construction_with_demonym(place_of: PlaceOf) -> None:
    text = "Gunmen attacked a checkpoint in the northern Iraqi city of Mosul."
    place, _ = place_of(text, "attacked")
    assert place is not None
    assert (place.name, place.country) == ("Mosul", "IRQ")


def test_place_inherited_from_a_meeting_in_an_earlier_sentence(place_of: PlaceOf) -> None:
    text = "Ministers held a meeting in Oslo. Speaking there, the premier praised the accord."
    place, basis = place_of(text, "praised")
    assert place is not None
    assert (place.name, basis) == ("Oslo", "inherited")


def test_place_of_a_background_phrase_is_not_inherited(place_of: PlaceOf) -> None:
    text = "The crisis in Yemen worsened. The minister criticised the plan."
    place, basis = place_of(text, "criticised")
    assert (place, basis) == (None, "none")


def test_place_falls_back_to_the_dateline(place_of: PlaceOf) -> None:
    place, basis = place_of("The minister criticised the plan.", "criticised", dateline="Kabul")
    assert place is not None
    assert (place.country, basis) == ("AFG", "dateline")


def test_geocode_compass_name_that_is_a_country_of_its_own() -> None:
    # "Northern Ireland" is part of the United Kingdom, not a region of Ireland.
    assert geocode("Northern Ireland", None).country == "GBR"
    assert geocode("northern Ireland", None).country == "GBR"


def test_geocode_compass_region_keeps_the_country() -> None:
    place = geocode("Southern Lebanon", None)
    assert (place.country, place.feature, place.lat) == ("LBN", "region", None)


def test_geocode_names_only_the_lexicon_knows() -> None:
    assert geocode("Scotland", None).country == "GBR"
    assert geocode("US", None).country == "USA"
