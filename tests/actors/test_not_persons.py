"""Issue 15: false persons, current organisations, names spaCy cut short, surname coreference,
and well-formed codes in the curated tables."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources

import pytest

from eventwire.actors.entries import SECTOR_CODES
from eventwire.actors.lexicon import default_lexicon

from .conftest import Recognise

DAY = date(2023, 6, 1)


def persons(doc: object) -> list[str]:
    return [a.name for a in doc.actors if a.kind == "person"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He posted on Twitter that the talks had failed.", "Twitter"),
        ("She sent the file from her Gmail account.", "Gmail"),
        ("Typhoon Haiyan killed thousands in the Philippines.", "Typhoon Haiyan"),
        ("Mohammed said Ramadan would start on Monday.", "Ramadan"),
    ],
)
def test_things_spacy_calls_persons_are_no_persons(
    recognise: Recognise, text: str, name: str
) -> None:
    assert name not in persons(recognise(text, published=DAY))


def test_a_surname_that_is_also_a_town_stays_a_person(recognise: Recognise) -> None:
    doc = recognise("Anne Sacoolas left. Sacoolas, who has immunity, did not return.")
    [actor] = [a for a in doc.actors if a.kind == "person"]
    assert {m.text for m in actor.mentions} == {"Anne Sacoolas", "Sacoolas"}


def test_hezbollah_is_the_lebanese_group(recognise: Recognise) -> None:
    doc = recognise("Hezbollah fired rockets into northern Israel.", published=DAY)
    assert next((a.name, a.code, a.kind) for a in doc.actors) == ("Hezbollah", "LBNREB", "nonstate")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("CSTO", "IGOCAS"),
        ("the Northern Fleet", "RUSMIL"),
        ("the GRU", "RUSMILSPY"),
        ("the FSB", "RUSSPY"),
        ("the BJP", "INDPTY"),
        ("the Indian National Congress", "INDPTY"),
        ("the Syrian Democratic Forces", "SYRREB"),
        ("the FDLR", "RWAREB"),
        ("the YPG", "SYRREB"),
        ("the Wagner Group", "RUSUAF"),
        ("Ansar Allah", "YEMREB"),
        ("Hayat Tahrir al-Sham", "SYRREB"),
        ("ISWAP", "NGAREB"),
        ("the IRGC", "IRNMIL"),
        ("the G7", "IGOGOS"),
        ("the G20", "IGOBUS"),
        ("AUKUS", "IGO"),
        ("the SCO", "IGOCAS"),
        ("the WHO", "IGOUNOHLHWHO"),
        ("Amnesty", "NGOHRIAMN"),
        ("the African Union", "IGOAFRAFU"),
    ],
)
def test_current_organisations_are_coded(recognise: Recognise, name: str, code: str) -> None:
    doc = recognise(f"Officials said on Monday that {name} had condemned the attack.", DAY)
    found = [(a.name, a.code) for a in doc.actors if a.name != "Officials"]
    assert found == [(name.removeprefix("the "), code)] or found == [(name, code)]


def test_a_longer_name_is_not_the_dictionary_person_it_starts_with(recognise: Recognise) -> None:
    doc = recognise(
        "Energy Minister Juan Carlos Jobet Eluchans said Chile would close its coal plants.",
        published=date(2020, 6, 1),
    )
    [person] = [a for a in doc.actors if a.kind == "person"]
    assert (person.name, person.code) == ("Juan Carlos Jobet Eluchans", "")


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (
            "Joseph Kabila Kabange met him. Kabila said the talks went well.",
            "Joseph Kabila Kabange",
            "Kabila",
        ),
        (
            "President Moon Jae-in met Kim Jong-un. Moon said the talks went well.",
            "Moon Jae-in",
            "Moon",
        ),
    ],
)
def test_surnames_that_are_not_the_last_word(
    recognise: Recognise, text: str, full: str, short: str
) -> None:
    doc = recognise(text, published=date(2019, 6, 1))
    [person] = [a for a in doc.actors if a.kind == "person" and a.name == full]
    assert short in {m.text for m in person.mentions}


BLOCK = re.compile(r"^(?:[A-Z]{3})+$")
TRANSNATIONAL = {"IGO", "NGO", "NGM", "IMG", "MNC", "INT"}


def _well_formed(code: str, countries: frozenset[str]) -> bool:
    """CAMEO actor-code structure: 3-letter blocks; a country or transnational block first,
    after a country a sector code (the blocks after IGO/NGO/IMG/MNC name the body)."""
    if code == "---" or not BLOCK.match(code):
        return code == "---"
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if blocks[0] in TRANSNATIONAL:
        return True
    # A group's own block may close the code ("PSEREBHMS": Hamas).
    return blocks[0] in countries and all(b in SECTOR_CODES for b in blocks[1:2])


def _rows(name: str) -> list[list[str]]:
    text = resources.files("eventwire").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [
        line.split("\t")
        for line in text.splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith(("code\t", "phrase\t"))
    ]


def test_curated_codes_are_well_formed() -> None:
    lexicon = default_lexicon()
    countries = frozenset(
        c for c in (lexicon.country_of(r[0]) for r in _rows("countries_extra.tsv")) if c
    )
    bad = [r[0] for f in ("orgs_extra.tsv", "countries_extra.tsv") for r in _rows(f)]
    bad = [c for c in bad if not _well_formed(c, countries)]
    assert bad == []
    agents = [r[1].strip().strip("~") for r in _rows("agents_extra.tsv")]
    assert [
        c for c in agents if not all(c[i : i + 3] in SECTOR_CODES for i in range(0, len(c), 3))
    ] == []
