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


def test_geocode_records_its_precision() -> None:
    assert geocode("Syria", None).precision == "country"
    assert geocode("Southern Lebanon", None).precision == "country"
    assert geocode("Ohio", None).precision == "admin1"
    assert geocode("Damascus", None).precision == "city"
    assert geocode("Qwertyville", None).precision is None


def test_geocode_a_government_building_is_its_city_not_a_homonym_town() -> None:
    # GeoNames calls Casablanca "White House" and lists a Whitehall near Atlanta.
    house = geocode("the White House", None)
    assert (house.name, house.country, house.admin1, house.precision) == (
        "White House, Washington",
        "USA",
        "DC",
        "landmark",
    )
    assert house.lat is not None
    assert abs(house.lat - 38.9) < 0.1
    assert geocode("Whitehall", "USA").country == "GBR"
    assert (geocode("Kremlin", None).name, geocode("Kremlin", None).country) == (
        "Kremlin, Moscow",
        "RUS",
    )
    assert geocode("Élysée Palace", None).name == "Elysee Palace, Paris"
    assert geocode("Zhongnanhai", None).country == "CHN"


def test_geocode_casablanca_is_still_casablanca() -> None:
    place = geocode("Casablanca", None)
    assert (place.name, place.country, place.precision) == ("Casablanca", "MAR", "city")


def test_every_landmark_row_finds_its_city() -> None:
    from eventwire.whenwhere.places import landmarks

    table = landmarks()
    assert len(table) > 40
    assert all(p.lat is not None and p.precision == "landmark" for p in table.values())


def test_place_outside_a_government_building(place_of: PlaceOf) -> None:
    text = "Hundreds of students demonstrated outside the Blue House on Friday."
    place, basis = place_of(text, "demonstrated")
    assert place is not None
    assert (place.name, place.country, place.precision, basis) == (
        "Blue House, Seoul",
        "KOR",
        "landmark",
        "clause",
    )


def test_continent_gets_no_country() -> None:
    for name in ("Asia", "Africa", "Latin America"):
        place = geocode(name, "CHN")
        assert (place.country, place.precision) == (None, None)


def test_a_capital_that_acts_places_the_event_in_it(place_of: PlaceOf) -> None:
    place, basis = place_of("Rome recalled its envoy to Cairo over the case.", "recalled")
    assert place is not None
    assert (place.name, place.country, basis) == ("Rome", "ITA", "clause")


def test_a_government_building_that_acts_places_the_event_at_its_city(place_of: PlaceOf) -> None:
    place, basis = place_of("The Kremlin rejected the proposal on Monday.", "rejected")
    assert place is not None
    assert (place.name, place.precision, basis) == ("Kremlin, Moscow", "landmark", "clause")


def test_a_place_phrase_of_the_clause_beats_the_dateline(place_of: PlaceOf) -> None:
    text = "Lawmakers voted against the bill in Strasbourg on Tuesday."
    place, basis = place_of(text, "voted", dateline="Brussels")
    assert place is not None
    assert (place.name, basis) == ("Strasbourg", "clause")


def test_the_scene_is_not_carried_into_the_next_paragraph(place_of: PlaceOf) -> None:
    text = (
        "Ministers held a meeting in Oslo on Monday.\n\n"
        "Years earlier, the premier criticised the plan."
    )
    place, basis = place_of(text, "criticised")
    assert (place, basis) == (None, "none")


def test_the_article_main_city_is_the_last_resort(place_of: PlaceOf) -> None:
    text = (
        "Thousands marched in Chicago on Saturday. Police in Chicago made arrests.\n\n"
        "The mayor condemned the violence."
    )
    place, basis = place_of(text, "condemned")
    assert place is not None
    assert (place.name, basis) == ("Chicago", "main")


def test_a_spot_the_gazetteer_lacks_is_placed_at_the_city_named_with_it() -> None:
    from eventwire import nlp

    parsed = nlp.load()("Thousands rallied at Freedom Plaza in the city of Denver on Saturday.")
    spots = [r.location for r in place_refs(parsed, None) if "Plaza" in r.location.name]
    assert [(p.name, p.country, p.precision) for p in spots] == [
        ("Freedom Plaza, Denver", "USA", "landmark")
    ]


def test_a_us_state_beside_a_city_picks_that_state() -> None:
    from eventwire import nlp

    parsed = nlp.load()("The senator spoke at a rally in Wilmington, Delaware on Friday.")
    (ref,) = place_refs(parsed, None)
    assert (ref.location.name, ref.location.admin1) == ("Wilmington", "DE")


def test_the_actors_country_when_the_article_has_no_main_place() -> None:
    from eventwire import nlp

    parsed = nlp.load()("The minister criticised the plan.")
    token = next(t for t in parsed if t.text == "criticised")
    place, basis = Gazette(parsed, [], None, "GRC").place_of(token)
    assert place is not None
    assert (place.name, place.precision, basis) == ("Greece", "country", "main")
    # An organisation's pseudo-country is no place.
    assert Gazette(parsed, [], None, "IGO").place_of(token) == (None, "none")


def test_a_spot_with_no_city_named_is_at_the_dateline_city_but_a_continent_is_not() -> None:
    from eventwire import nlp

    parsed = nlp.load()("Hundreds rallied in Jeevanjee Gardens on Friday. Ministers met in Asia.")
    nairobi = geocode("Nairobi", None)
    gazette = Gazette(parsed, place_refs(parsed, None), nairobi)
    names = [(r.location.name, r.location.country) for r in gazette.refs]
    assert ("Jeevanjee Gardens, Nairobi", "KEN") in names
    assert ("Asia", None) in names


def test_the_headline_city_stands_in_for_a_missing_dateline() -> None:
    from eventwire.document import Document
    from eventwire.records import Article
    from eventwire.whenwhere.places import headline_city

    article = Article(id="x", text="Police said.", title="Two hurt in knife attack in Leeds")
    city = headline_city(Document(article=article), "GBR")
    assert city is not None
    assert (city.name, city.country, city.precision) == ("Leeds", "GBR", "city")
    plain = Article(id="y", text="Police said.", title="Parliament votes on budget")
    assert headline_city(Document(article=plain), None) is None


def test_a_country_named_in_passing_is_not_the_main_place_of_another_countrys_story() -> None:
    from eventwire import nlp

    text = (
        "The minister was treated in Kenya. A reporter in Kenya confirmed it.\n\n"
        "The government praised the doctors."
    )
    parsed = nlp.load()(text)
    token = next(t for t in parsed if t.text == "praised")
    place, basis = Gazette(
        parsed, place_refs(parsed, None), None, "BDI", frozenset({"BDI"})
    ).place_of(token)
    assert place is not None
    assert (place.name, basis) == ("Burundi", "main")
    # Without the actors' countries, Kenya named twice is the main place.
    place, _ = Gazette(parsed, place_refs(parsed, None), None, "BDI").place_of(token)
    assert place is not None
    assert place.name == "Kenya"


def test_a_location_stored_before_precision_existed_still_loads() -> None:
    stored = {"name": "Tehran", "country": "IRN", "admin1": "26", "lat": 35.69, "lon": 51.42}
    place = Location(**stored, feature="city")
    assert place.precision is None
    assert Location(**place.to_dict()) == place


def test_geocode_a_city_state_is_its_city() -> None:
    # Too small for the map's country shapes, and sharing its name with its city.
    place = geocode("Hong Kong", None)
    assert (place.country, place.precision) == ("HKG", "city")
    assert place.lat is not None
    assert abs(place.lat - 22.28) < 0.05
    # A country with land of its own stays a country, though its capital shares its name.
    assert geocode("Luxembourg", None).precision == "country"


def test_place_of_premises_named_after_their_city(place_of: PlaceOf) -> None:
    text = "In a speech at the bank's Frankfurt headquarters, Lagarde warned investors."
    place, basis = place_of(text, "warned")
    assert place is not None
    assert (place.name, place.country, basis) == ("Frankfurt am Main", "DEU", "clause")


def test_a_later_event_of_the_same_day_takes_that_days_scene() -> None:
    from datetime import date

    from eventwire.document import Document
    from eventwire.pipeline import code_document
    from eventwire.records import Article

    text = (
        "On Tuesday, French President Emmanuel Macron spoke at a conference in Berlin.\n\n"
        "Protests went on in Paris, in Lyon and in Marseille, and in Paris again.\n\n"
        "Later on Tuesday, Macron met with German Chancellor Olaf Scholz."
    )
    article = Article(id="t", text=text, published=date(2022, 10, 14))
    doc = code_document(Document(article=article))
    met = [e for e in doc.events if e.cameo[:2] == "04" and e.target == "DEUGOV"]
    found = [
        (e.date, e.location and e.location.name, doc.explanations[e.event_id]["place_basis"])
        for e in met
    ]
    assert found == [("2022-10-11", "Berlin", "same-day")]
