"""Conservative in-document coreference: names, role descriptions, lists, pronouns."""

from __future__ import annotations

import pytest
from tests.actors.conftest import Recognise, by_name

from eventwire.document import Document

pytestmark = pytest.mark.slow  # loads the spaCy model

INTRO = "Kenyan Interior Minister Otieno Kamau visited the border on Monday. "


def _texts(doc: Document, name: str) -> dict[str, str]:
    actor = by_name(doc, name)
    return {m.text: m.resolved_by for m in actor.mentions}


def test_surname_refers_to_full_name(recognise: Recognise) -> None:
    doc = recognise(INTRO + "Kamau said the crossing would reopen.")
    assert _texts(doc, "Otieno Kamau")["Kamau"] == "coref"


def test_role_descriptions_refer_to_the_person_with_that_country(recognise: Recognise) -> None:
    doc = recognise(
        INTRO + "He met his Ugandan counterpart, Moses Okello, in Kampala. "
        "The Kenyan minister praised the talks. The Ugandan official, for his part, was silent."
    )
    assert _texts(doc, "Otieno Kamau")["The Kenyan minister"] == "coref"
    okello = by_name(doc, "Moses Okello")
    assert okello.code == "UGAGOV"
    assert "The Ugandan official" in {m.text for m in okello.mentions}


def test_role_description_with_two_candidates_is_left_alone(recognise: Recognise) -> None:
    doc = recognise(
        "Kenyan minister Otieno Kamau and Kenyan senator Grace Wanjiru arrived. "
        "The Kenyan official spoke first."
    )
    for name in ("Otieno Kamau", "Grace Wanjiru"):
        assert "The Kenyan official" not in _texts(doc, name)


def test_respectively_pairs_countries_with_names(recognise: Recognise) -> None:
    doc = recognise(
        "The envoys of Chile and Peru, Ana Rojas and Luis Quispe, respectively, signed the accord."
    )
    assert by_name(doc, "Ana Rojas").country == "CHL"
    assert by_name(doc, "Luis Quispe").country == "PER"


def test_pronoun_refers_to_the_only_previous_subject(recognise: Recognise) -> None:
    doc = recognise(INTRO + "He promised more patrols.")
    assert _texts(doc, "Otieno Kamau")["He"] == "coref"


def test_pronoun_with_two_candidates_is_not_resolved(recognise: Recognise) -> None:
    doc = recognise("Otieno Kamau met Moses Okello on Monday. He promised more patrols.")
    for actor in doc.actors:
        assert "He" not in {m.text for m in actor.mentions}


def test_it_is_never_resolved(recognise: Recognise) -> None:
    doc = recognise("Norway said on Monday that it would send more aid.")
    assert all("it" not in {m.text for m in a.mentions} for a in doc.actors)


def test_the_regime_refers_to_the_state_just_named(recognise: Recognise) -> None:
    doc = recognise("Critics accused Syria of lying, saying the regime hid the attack.")
    assert _texts(doc, "Syria")["the regime"] == "coref"
