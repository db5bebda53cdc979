"""Recognition of states, organisations and agents, and the span lookups for the events stage."""

from __future__ import annotations

from datetime import date

import pytest
from tests.actors.conftest import Recognise, by_name, codes

from eventwire.actors.index import actor_at, actors_in
from eventwire.actors.matcher import key_of

pytestmark = pytest.mark.slow  # loads the spaCy model


def test_key_normalises_hyphens_and_apostrophes() -> None:
    assert key_of("al-Qaeda") == key_of("al Qaeda") == "al qaeda"
    assert key_of("Iran’s") == key_of("Iran's") == "iran s"


def test_country_name_as_subject_is_an_actor(recognise: Recognise) -> None:
    doc = recognise("Norway said on Monday that it would send more aid.")
    assert by_name(doc, "Norway").code == "NOR"
    assert by_name(doc, "Norway").resolved_by == "dictionary"


def test_capital_as_subject_is_the_state(recognise: Recognise) -> None:
    doc = recognise("Oslo rejected the proposal on Tuesday.")
    assert by_name(doc, "Oslo").code == "NOR"


def test_capital_as_place_is_not_an_actor(recognise: Recognise) -> None:
    doc = recognise("Delegates from several firms met in Oslo on Tuesday.")
    assert "NOR" not in codes(doc)


def test_city_of_phrase_is_a_place(recognise: Recognise) -> None:
    doc = recognise("A bomb exploded in a market of the northern city of Mosul.")
    assert "IRQ" not in codes(doc)


def test_metonym_stands_for_the_government(recognise: Recognise) -> None:
    doc = recognise("The Kremlin denied the report late on Friday.")
    assert by_name(doc, "The Kremlin").code == "RUSGOV"


def test_epithet_and_country_name_are_one_actor(recognise: Recognise) -> None:
    doc = recognise("Israel closed the crossing. Officials in Gaza said the Zionist regime lied.")
    israel = by_name(doc, "Israel")
    assert israel.code == "ISR"
    assert {m.text for m in israel.mentions} >= {"Israel", "the Zionist regime"}


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Turkish army shelled the border villages.", "The Turkish army", "TURMIL"),
        ("Kenyan police arrested three men on Sunday.", "Kenyan police", "KENCOP"),
        ("Egypt's military said the road was closed.", "Egypt's military", "EGYMIL"),
        ("Chilean officials denied the claim.", "Chilean officials", "CHLGOV"),
    ],
)
def test_demonym_or_possessive_with_agent(
    recognise: Recognise, text: str, mention: str, code: str
) -> None:
    actor = by_name(recognise(text), mention)
    assert actor.code == code
    assert actor.resolved_by == "role"


def test_demonym_on_an_ordinary_noun_is_not_an_actor(recognise: Recognise) -> None:
    doc = recognise("The storm hit the southern Peruvian coast on Monday.")
    assert "PER" not in codes(doc)


def test_agents_from_listed_countries(recognise: Recognise) -> None:
    doc = recognise("Diplomats from Chile, Peru and Bolivia met on Monday.")
    assert {"CHLGOV", "PERGOV", "BOLGOV"} <= codes(doc)


def test_upper_only_phrase_needs_capitals(recognise: Recognise) -> None:
    assert "USA" not in codes(recognise("Let us talk about the weather in the hills."))
    assert "USA" in codes(recognise("The US imposed new sanctions on Monday."))


def test_organisation_from_lexicon(recognise: Recognise) -> None:
    doc = recognise("NATO warned that the Taliban were regrouping.")
    assert by_name(doc, "NATO").code.startswith("IGO")
    assert by_name(doc, "Taliban").code == "AFGREB"


def test_dictionary_person_resolved_by_publication_day(recognise: Recognise) -> None:
    text = "Vladimir Putin met the visiting envoy."
    assert by_name(recognise(text, date(1995, 1, 1)), "Vladimir Putin").code == "RUSELI"
    assert by_name(recognise(text, date(2015, 1, 1)), "Vladimir Putin").code == "RUSGOV"


def test_actor_at_and_actors_in(recognise: Recognise) -> None:
    doc = recognise("Norway, Sweden and Finland signed the pact. Denmark refused.")
    body = doc.body
    start = body.index("Norway")
    end = body.index(" signed")
    assert [a.code for a in actors_in(doc, start, end)] == ["NOR", "SWE", "FIN"]
    denmark = body.index("Denmark")
    found = actor_at(doc, denmark, denmark + len("Denmark"))
    assert found is not None
    assert found.code == "DNK"
    assert actor_at(doc, body.index("pact"), body.index("pact") + 4) is None


def test_mentions_carry_offsets_and_sentence(recognise: Recognise) -> None:
    doc = recognise("Rain fell. Norway protested.")
    mention = by_name(doc, "Norway").mentions[0]
    assert doc.body[mention.start : mention.end] == "Norway"
    assert mention.sentence == 1


def test_compass_part_of_a_country_is_the_country(recognise: Recognise) -> None:
    doc = recognise("Israeli jets struck targets in South Lebanon on Monday.")
    assert "LBN" in codes(doc)


def test_tail_of_a_longer_name_is_not_the_country(recognise: Recognise) -> None:
    doc = recognise("The New Mexico governor spoke on Monday.")
    assert "MEX" not in codes(doc)
