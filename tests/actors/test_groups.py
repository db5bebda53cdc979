"""Groups whose country the syntax gives indirectly, origin adjectives, titles, undated roles."""

from __future__ import annotations

from datetime import date

import pytest
from tests.actors.conftest import Recognise, by_name, codes

from eventwire.actors.entries import CodeSpan, resolve
from eventwire.document import Document


def _mentions(doc: Document, code: str) -> set[str]:
    return {m.text for a in doc.actors if a.code == code for m in a.mentions}


# -- pure rules (no spaCy) ------------------------------------------------------------------

ANNAN = (CodeSpan("IGOUNO", date(1997, 1, 1), date(2006, 12, 31)), CodeSpan("ELI"))


def test_resolve_undated_bare_sector_default_yields_to_dated_role() -> None:
    assert resolve(ANNAN, None) == "IGOUNO"


def test_resolve_day_outside_every_role_keeps_the_default() -> None:
    assert resolve(ANNAN, date(2012, 5, 1)) == "ELI"
    assert resolve(ANNAN, date(2001, 5, 1)) == "IGOUNO"


def test_resolve_undated_country_default_is_kept() -> None:
    codes_ = (CodeSpan("USAELI"), CodeSpan("USAGOV", date(1990, 1, 1), date(1995, 1, 1)))
    assert resolve(codes_, None) == "USAELI"
    assert resolve((CodeSpan("ELI"),), None) == "ELI"


# -- recognition -----------------------------------------------------------------------------

pytestmark_slow = pytest.mark.slow  # loads the spaCy model


@pytestmark_slow
def test_agents_extra_forces_take_the_demonym_country(recognise: Recognise) -> None:
    doc = recognise("Serb forces attacked the village on Friday.")
    assert by_name(doc, "Serb forces").code == "SRBMIL"


@pytestmark_slow
def test_agents_extra_tanks_are_military(recognise: Recognise) -> None:
    doc = recognise("Israeli tanks shelled a camp near Rafah on Sunday.")
    assert by_name(doc, "Israeli tanks").code == "ISRMIL"


@pytestmark_slow
def test_agents_extra_gendarmes_are_police(recognise: Recognise) -> None:
    # docs/rules.md, "Add an agent": the rows "gendarme(s) ~COP" in agents_extra.tsv.
    doc = recognise("Turkish gendarmes arrested 20 smugglers near the Syrian border on Monday.")
    assert by_name(doc, "Turkish gendarmes").code == "TURCOP"


@pytestmark_slow
def test_shared_agent_gives_one_actor_per_coordinated_country(recognise: Recognise) -> None:
    doc = recognise("US and British activists protested outside the stadium in Beijing.")
    assert {"USAOPP", "GBROPP"} <= codes(doc)
    # The noun stays free, so the events stage reads both countries inside the phrase.
    assert "activists" not in {m.text for a in doc.actors for m in a.mentions}


@pytestmark_slow
def test_authored_noun_country_is_the_author(recognise: Recognise) -> None:
    doc = recognise("Yemen rejected a U.S. request to question the detainees.")
    assert "USA" in codes(doc)


@pytestmark_slow
def test_authored_noun_leaves_a_meeting_place_alone(recognise: Recognise) -> None:
    doc = recognise("Ministers from Oman attended the Tehran meeting on Monday.")
    assert "IRN" not in codes(doc)


@pytestmark_slow
def test_role_noun_with_a_country_is_an_actor_without_a_person(recognise: Recognise) -> None:
    doc = recognise("The US leader praised the agreement on Monday.")
    assert by_name(doc, "The US leader").code == "USAGOV"


@pytestmark_slow
def test_possessor_subject_takes_the_country_of_the_clause_subject(recognise: Recognise) -> None:
    doc = recognise("Uganda said on Monday its troops had withdrawn from the border town.")
    assert "its troops" in _mentions(doc, "UGAMIL")


@pytestmark_slow
def test_possessor_his_needs_a_person(recognise: Recognise) -> None:
    doc = recognise(
        "Ugandan President Yoweri Museveni said his government would reopen the border."
    )
    assert "his government" in _mentions(doc, "UGAGOV")


@pytestmark_slow
def test_possessor_object_is_a_theme_not_a_party(recognise: Recognise) -> None:
    doc = recognise("Uganda withdrew its troops from the border town on Monday.")
    assert "UGAMIL" not in codes(doc)


@pytestmark_slow
def test_origin_adjective_country_is_not_an_actor(recognise: Recognise) -> None:
    doc = recognise("Rebels fired Russian-made rockets and warned of a Bosnia-style war.")
    assert not {"RUS", "BIH"} & codes(doc)


@pytestmark_slow
def test_located_participle_based_in_gives_the_country(recognise: Recognise) -> None:
    doc = recognise("A newspaper based in Beirut criticised the general on Monday.")
    assert by_name(doc, "A newspaper").code == "LBNMED"


@pytestmark_slow
def test_title_hyphenated_secretary_general_names_the_igo(recognise: Recognise) -> None:
    doc = recognise(
        "Arab League Secretary-General Chedli Klibi urged the European Community to act."
    )
    assert by_name(doc, "Chedli Klibi").code == "IGOMEAARL"


@pytestmark_slow
def test_title_junior_minister_keeps_the_country(recognise: Recognise) -> None:
    doc = recognise("Nigerian junior foreign minister Dubem Oniya summoned the ambassador.")
    assert by_name(doc, "Dubem Oniya").code == "NGAGOV"


@pytestmark_slow
def test_undated_article_codes_annan_as_the_un(recognise: Recognise) -> None:
    doc = recognise("Kofi Annan met the Iraqi foreign minister on Monday.", published=None)
    assert by_name(doc, "Kofi Annan").code == "IGOUNO"
