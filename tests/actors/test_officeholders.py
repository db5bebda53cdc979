"""The office-holders layer (data/office_holders.tsv): dated persons, precedence, guards, data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.actors.conftest import Recognise, by_name

from eventwire.actors import Lexicon, lexicon, load
from eventwire.actors import officeholders as oh
from eventwire.actors.tabari import ACTOR_CODE

DATA = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "data"
TSV = DATA / oh.OFFICE_HOLDERS


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load()


@pytest.mark.parametrize(
    ("phrase", "day", "code"),
    [
        ("Macron", date(2019, 6, 1), "FRAGOV"),
        ("Emmanuel Macron", date(2019, 6, 1), "FRAGOV"),
        ("Macron", date(2016, 6, 1), None),  # before his presidency: known, not coded
        ("Angela Merkel", date(2022, 6, 1), "DEUELI"),
        ("Angela Merkel", date(2021, 12, 8), "DEUGOV"),  # last day in office
        ("Donald Trump", date(2019, 6, 1), "USAGOV"),
        ("Donald Trump", date(2022, 6, 1), "USAELI"),
        ("Donald Trump", date(2025, 6, 1), "USAGOV"),
        ("Jerome Powell", date(2020, 3, 1), "USAGOVBUS"),
        ("Mark Rutte", date(2020, 3, 1), "NLDGOV"),  # one person, two offices
        ("Mark Rutte", date(2025, 3, 1), "IGOWSTNAT"),
        # Vice presidents: in office GOV, afterwards ELI (Biden between his two offices).
        ("Joe Biden", date(2012, 6, 1), "USAGOV"),
        ("Biden", date(2020, 9, 1), "USAELI"),
        ("Biden", date(2022, 6, 1), "USAGOV"),
        ("Mike Pence", date(2019, 6, 1), "USAGOV"),
        ("Pence", date(2022, 6, 1), "USAELI"),
        ("Kamala Harris", date(2022, 6, 1), "USAGOV"),
        ("JD Vance", date(2025, 6, 1), "USAGOV"),
    ],
)
def test_resolved_at_the_article_date(lex: Lexicon, phrase: str, day: date, code: str) -> None:
    matches = lex.lookup(phrase, day)
    assert [m.entry.source for m in matches] == [oh.OFFICE_HOLDERS]
    assert matches[0].kind == "person"
    assert matches[0].code == code


def test_phoenix_roles_before_the_first_row(lex: Lexicon) -> None:
    # Phoenix: VLADIMIR_PUTIN [RUSELI <990809] [RUSGOV >990809]; the file starts 1999-08-16.
    assert lex.code("Vladimir Putin", date(1995, 1, 1)) == "RUSELI"
    assert lex.code("Vladimir Putin", date(1999, 8, 10)) == "RUSGOV"
    # Phoenix's undated default still fills the days no row covers (Annan after 2006: ELI).
    assert lex.code("Kofi Annan", date(2003, 1, 1)) == "IGOUNO"
    assert lex.code("Kofi Annan", date(2012, 1, 1)) == "ELI"


def test_rows_of_one_person_make_one_entry(lex: Lexicon) -> None:
    (match,) = lex.lookup("Donald Trump", date(2019, 6, 1))
    spans = [(s.code, s.start, s.end) for s in match.entry.codes]
    assert ("USAGOV", date(2017, 1, 20), date(2021, 1, 20)) in spans
    assert ("USAELI", date(2021, 1, 21), date(2025, 1, 19)) in spans
    assert ("USAGOV", date(2025, 1, 20), None) in spans
    assert "trump" in match.entry.phrases
    assert match.entry.origin().startswith(f"{oh.OFFICE_HOLDERS}:")


def test_recognised_in_an_article(recognise: Recognise) -> None:
    doc = recognise("Emmanuel Macron met Angela Merkel in Paris.", published=date(2022, 6, 1))
    assert by_name(doc, "Emmanuel Macron").code == "FRAGOV"
    assert by_name(doc, "Angela Merkel").code == "DEUELI"


def test_a_user_dictionary_beats_the_layer(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("name,code,aliases,from,until\nDonald Trump,USABUS,Trump,,\n", encoding="utf-8")
    lex = load([path])
    assert lex.code("Donald Trump", date(2019, 6, 1)) == "USABUS"
    assert lex.code("Trump", date(2019, 6, 1)) == "USABUS"
    assert load().code("Donald Trump", date(2019, 6, 1)) == "USAGOV"


ROWS = """\
# a test file
name\taliases\tcode\tfrom\tuntil\trole\tcountry\tsource\tnote
Ann Example\tExample|A. Example\tAAAGOV\t2001-01-01\t2004-12-31\tPresident\tA\tsrc\t
Ann Example\t\tAAAELI\t2005-01-01\t\tFormer office-holder\tA\tsrc\t
Bob Example\tExample\tBBBGOV\t2002-01-01\t\tForeign Minister\tB\tsrc\t
Carl Lagos\tLagos|Carl Lagos\tCCCGOV\t2003-01-01\t\tPresident\tC\tsrc\t
"""


def test_a_shared_alias_is_not_used() -> None:
    entries = {e.name: e for e in oh.read_office_holders(ROWS, "t.tsv")}
    assert entries["ann example"].phrases == ("ann example", "a. example")
    assert entries["bob example"].phrases == ("bob example",)
    assert [s.code for s in entries["ann example"].codes] == ["AAAGOV", "AAAELI"]


def test_a_shared_alias_of_the_shipped_file_is_not_used(lex: Lexicon) -> None:
    # The converter already removed shared aliases; the loader would drop any that came back.
    owners: dict[str, set[str]] = {}
    for entry in oh.read_office_holders(TSV.read_text(encoding="utf-8")):
        for phrase in entry.phrases:
            owners.setdefault(phrase, set()).add(entry.name)
    assert all(len(names) == 1 for names in owners.values())


def test_a_place_is_not_taken_by_a_person(lex: Lexicon) -> None:
    entries = oh.read_office_holders(ROWS, "t.tsv", below=lex.kinds_of)
    carl = next(e for e in entries if e.name == "carl lagos")
    assert carl.phrases == ("carl lagos",)
    # In the shipped layer: Ricardo Lagos and William Hague keep their full names only.
    assert lex.lookup("Lagos", date(2003, 1, 1))[0].kind == "country"  # Phoenix: NGA
    assert lex.code("Ricardo Lagos", date(2003, 1, 1)) == "CHLGOV"
    assert lex.lookup("Hague", date(2012, 1, 1))[0].kind != "person"
    assert lex.code("William Hague", date(2012, 1, 1)) == "GBRGOV"
    assert lex.code("Sweden", date(2012, 1, 1)) == "SWE"


def test_bad_rows_name_the_line() -> None:
    bad = ROWS.replace("BBBGOV", "BBBGO")
    with pytest.raises(ValueError, match=r"t\.tsv:5: bad actor code"):
        oh.read_office_holders(bad, "t.tsv")
    backwards = ROWS.replace("2002-01-01\t\t", "2002-01-01\t2001-01-01\t")
    with pytest.raises(ValueError, match=r"t\.tsv:5: 'until' is before 'from'"):
        oh.read_office_holders(backwards, "t.tsv")


def test_every_row_of_the_data_file_is_valid() -> None:
    rows = oh.read_rows(TSV.read_text(encoding="utf-8"))
    assert len(rows) > 6_000
    for number, row in rows:
        where = f"{oh.OFFICE_HOLDERS}:{number}"
        assert ACTOR_CODE.match(row["code"]), where
        start = date.fromisoformat(row["from"]) if row["from"] else None
        end = date.fromisoformat(row["until"]) if row["until"] else None
        if start and end:
            assert start <= end, where
        if not start:  # an open start (a few armed-group leaders) says why in the note
            assert "undated" in row["note"] or "as in Phoenix" in row["note"], where
        assert row["source"].strip(), where
        assert row["name"].strip(), where
        assert row["role"].strip(), where
        assert row["country"].strip(), where


def _lower() -> list[bytes]:
    names = (lexicon.ACTORS_FILE, lexicon.COUNTRIES_EXTRA, lexicon.AGENTS_EXTRA, lexicon.ORGS_EXTRA)
    return [(DATA / name).read_bytes() for name in names]


def test_the_cache_was_compiled_from_the_shipped_files() -> None:
    source, lower = TSV.read_bytes(), _lower()
    members = (DATA / oh.LEGISLATORS).read_bytes()
    entries = oh.build_layer(
        source.decode("utf-8"), lexicon.base_lexicon(lower), legislators=members.decode("utf-8")
    )
    expected = oh.cache_bytes(entries, oh.stamp(source, members, *lower))
    assert (DATA / oh.CACHE_FILE).read_bytes() == expected, "run scripts/compile_office_holders.py"


def test_an_edited_file_is_not_ignored(tmp_path: Path, lex: Lexicon) -> None:
    (tmp_path / oh.OFFICE_HOLDERS).write_text(ROWS, encoding="utf-8")
    (tmp_path / oh.CACHE_FILE).write_bytes((DATA / oh.CACHE_FILE).read_bytes())
    entries = oh.load_layer(tmp_path, lex, _lower())
    assert sorted(e.name for e in entries) == ["ann example", "bob example", "carl lagos"]
