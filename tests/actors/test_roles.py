"""Coding persons from titles and appositives; the text beats a stale dictionary entry."""

from __future__ import annotations

from datetime import date

import pytest
from tests.actors.conftest import Recognise, by_name

pytestmark = pytest.mark.slow  # loads the spaCy model


def test_demonym_title_before_name(recognise: Recognise) -> None:
    person = by_name(
        recognise("Kenyan Interior Minister Otieno Kamau visited the border."), "Otieno Kamau"
    )
    assert (person.code, person.kind, person.resolved_by) == ("KENGOV", "person", "role")
    assert person.detail is not None
    assert "Interior Minister" in person.detail


def test_title_with_of_phrase_and_possessive(recognise: Recognise) -> None:
    doc = recognise("Secretary of Peru's National Defence Council Jorge Salas Ortega resigned.")
    assert by_name(doc, "Jorge Salas Ortega").code == "PERGOV"
    # The country inside the title is part of the person's title, not an actor of its own.
    assert all(a.code != "PER" for a in doc.actors)


def test_appositive_after_name(recognise: Recognise) -> None:
    doc = recognise("Maria Lund, Denmark's foreign minister, said the talks had failed.")
    person = by_name(doc, "Maria Lund")
    assert person.code == "DNKGOV"
    assert "Denmark's foreign minister" in {m.text for m in person.mentions}


def test_opposition_leader(recognise: Recognise) -> None:
    doc = recognise("Zambian opposition leader Mulenga Banda criticised the vote count.")
    assert by_name(doc, "Mulenga Banda").code == "ZMBOPP"


def test_text_beats_stale_dictionary_entry(recognise: Recognise) -> None:
    # The Phoenix file codes Wellington Sandoval as an Ecuadorian minister in 2005-2008 only.
    doc = recognise("Peruvian Foreign Minister Wellington Sandoval said the border was calm.")
    person = by_name(doc, "Wellington Sandoval")
    assert person.code == "PERGOV"
    assert person.resolved_by == "role"
    assert person.detail is not None
    assert "overridden" in person.detail


def test_stale_dictionary_entry_without_title_gives_only_the_country(recognise: Recognise) -> None:
    # Out of his 2005-2008 term the dictionary still says whose he is, not what he does.
    person = by_name(
        recognise("Wellington Sandoval said the border was calm."), "Wellington Sandoval"
    )
    assert (person.code, person.sector) == ("ECU", None)
    assert person.resolved_by == "dictionary country"


def test_stale_dictionary_entry_takes_the_sector_of_its_title(recognise: Recognise) -> None:
    doc = recognise("Commissioner Wellington Sandoval said the border was calm.")
    person = by_name(doc, "Wellington Sandoval")
    assert (person.code, person.resolved_by) == ("ECUGOV", "dictionary country")


def test_former_title_codes_an_elite(recognise: Recognise) -> None:
    doc = recognise("Former Kenyan minister Otieno Kamau criticised Russia.")
    assert by_name(doc, "Otieno Kamau").code == "KENELI"
    doc = recognise("Otieno Kamau, a former Kenyan minister, criticised Russia.")
    assert by_name(doc, "Otieno Kamau").code == "KENELI"


def test_dated_entry_beats_an_undated_titled_phrase(recognise: Recognise) -> None:
    # Phoenix lists "President Barack Obama" undated as USAGOV; in 2019 he was a former one.
    doc = recognise("Former US President Barack Obama visited Kenya.")
    assert by_name(doc, "Barack Obama").code == "USAELI"


def test_person_without_country_keeps_empty_code(recognise: Recognise) -> None:
    person = by_name(recognise("Professor Anja Holm said the data were weak."), "Anja Holm")
    assert (person.code, person.kind) == ("", "person")
    assert person.resolved_by == "ner"


def test_title_added_as_data_codes_the_person(recognise: Recognise) -> None:
    # docs/rules.md, "Add a title": the row "ombudsman role ~GOV" in actor_titles.tsv.
    doc = recognise("Pakistani ombudsman Tariq Saeed criticised the Indian government on Monday.")
    person = by_name(doc, "Tariq Saeed")
    assert (person.code, person.resolved_by) == ("PAKGOV", "role")


def test_a_dictionary_title_phrase_is_the_name_s_title(recognise: Recognise) -> None:
    # Phoenix lists "US President" and "US Secretary of State" as persons of their own.
    doc = recognise(
        "US President Donald Trump met US Secretary of State Rex Tillerson.",
        published=date(2017, 5, 2),
    )
    persons = sorted((a.name, a.code, a.resolved_by) for a in doc.actors if a.kind == "person")
    assert persons == [("Donald Trump", "USAGOV", "role"), ("Rex Tillerson", "USAGOV", "role")]


def test_a_surname_spacy_calls_an_organisation_is_the_person(recognise: Recognise) -> None:
    doc = recognise(
        "Donald Trump met Kenyan officials. Officials said Trump would visit Israel.",
        published=date(2018, 5, 2),
    )
    trump = by_name(doc, "Donald Trump")
    assert [m.text for m in trump.mentions] == ["Donald Trump", "Trump"]


def test_a_title_agent_phrase_across_its_joint_gives_the_sector(recognise: Recognise) -> None:
    # The lexicon's "minister for foreign" runs across "for" into the title's tail.
    doc = recognise("Minister for Foreign Affairs Peter Walsh met the press.")
    assert by_name(doc, "Peter Walsh").sector == "GOV"


def test_titles_in_a_list_share_the_country_written_once(recognise: Recognise) -> None:
    doc = recognise(
        "The deal was signed by Greek prime minister Kyriakos Mitsotakis and energy minister "
        "Nikos Papadakis, and Cypriot president Nicos Anastasiades and energy minister "
        "Andreas Georgiou.",
        published=date(2020, 1, 3),
    )
    assert by_name(doc, "Nikos Papadakis").code == "GRCGOV"
    assert by_name(doc, "Andreas Georgiou").code == "CYPGOV"


def test_a_state_institution_in_a_title_gives_the_country(recognise: Recognise) -> None:
    # Phoenix lists "White House press secretary" as an organisation coded USAGOV.
    doc = recognise(
        "White House press secretary Jane Kowalczyk said the plan would fail.",
        published=date(2017, 5, 2),
    )
    person = by_name(doc, "Jane Kowalczyk")
    assert (person.code, person.resolved_by) == ("USAGOV", "role")
