"""Members of the US Congress (data/legislators.tsv): a lower tier of the office-holders layer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import Lexicon, lexicon, load
from eventwire.actors import officeholders as oh
from eventwire.actors.entries import CodeSpan
from eventwire.actors.tabari import ACTOR_CODE

DATA = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "data"
TSV = DATA / oh.LEGISLATORS


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load()


@pytest.mark.parametrize(
    ("phrase", "day", "code"),
    [
        ("Nancy Pelosi", date(2019, 11, 1), "USALEG"),
        ("Chuck Schumer", date(2019, 10, 18), "USALEG"),  # Wikipedia title (nickname)
        ("Charles E. Schumer", date(2019, 10, 18), "USALEG"),  # official full name
        ("Mitch McConnell", date(2020, 1, 15), "USALEG"),
        ("Carolyn Maloney", date(2019, 10, 18), "USALEG"),
        ("Elijah Cummings", date(2019, 10, 1), "USALEG"),
        ("Elijah Cummings", date(2020, 6, 1), None),  # died in 2019: outside a term, no code
        ("Ross Spano", date(2019, 11, 1), "USALEG"),
        ("Ross Spano", date(2015, 6, 1), None),  # before his term (2019-2021)
        ("Ross Spano", date(2022, 6, 1), None),  # after it
        ("Nancy Pelosi", date(2009, 6, 1), "USAGOVLEG"),  # Phoenix's dated roles win ...
        ("Nancy Pelosi", date(2005, 6, 1), "USAELI"),
        ("Tom Daschle", date(2002, 6, 1), "USAGOVLEG"),
        ("Tom Daschle", date(2004, 6, 1), "USALEG"),  # ... the member's rows fill the rest
        ("Tom Daschle", date(2010, 6, 1), None),  # left in 2005
    ],
)
def test_resolved_at_the_article_date(lex: Lexicon, phrase: str, day: date, code: str) -> None:
    assert lex.code(phrase, day) == code


def test_an_office_holder_of_the_same_name_is_one_person(lex: Lexicon) -> None:
    # Senator 2001-2009, Secretary of State 2009-2013: the office-holder row wins on its days
    # (the source lists her in the Senate up to the end of the 111th Congress, 2011).
    assert lex.code("Hillary Clinton", date(2005, 6, 1)) == "USALEG"
    assert lex.code("Hillary Clinton", date(2010, 6, 1)) == "USAGOV"
    assert lex.code("Marco Rubio", date(2015, 6, 1)) == "USALEG"
    assert lex.code("Marco Rubio", date(2025, 6, 1)) == "USAGOV"
    assert len(lex.entries("Marco Rubio")) == 1


def test_a_bare_surname_is_never_a_phrase() -> None:
    for number, row in oh.read_rows(TSV.read_text(encoding="utf-8"), oh.LEGISLATORS):
        for phrase in [row["name"], *row["aliases"].split("|")]:
            assert not phrase or len(phrase.split()) >= 2, f"{oh.LEGISLATORS}:{number}"


def test_surnames_stay_uncoded(lex: Lexicon) -> None:
    for surname in ("Pelosi", "Schumer", "Paul", "Warren", "McConnell"):
        assert not any(m.kind == "person" for m in lex.lookup(surname, date(2019, 11, 1)))


HOLDERS = """\
Ann Example\tExample\tXXXGOV\t2005-01-01\t\tPresident\tX\tsrc\t
Jim Other\t\tYYYGOV\t2001-01-01\t\tPresident\tY\tsrc\t
"""
MEMBERS = """\
Ann Example\tAnn B. Example\tXXXLEG\t2000-01-03\t2011-01-03\tSenator\tX\tsrc\t
Jim Other\t\tXXXLEG\t2000-01-03\t2011-01-03\tSenator\tX\tsrc\t
Sam Lagos\tSamuel Lagos\tXXXLEG\t2000-01-03\t2011-01-03\tSenator\tX\tsrc\t
Ted Example\tAnn Example|Ted B. Example\tXXXLEG\t2000-01-03\t2011-01-03\tSenator\tX\tsrc\t
"""


class _Below:
    """A lower lexicon knowing "lagos" as a capital and "samuel lagos" as someone's metonym."""

    def kinds_of(self, phrase: str) -> set[str]:
        return {"sam lagos": {"capital"}}.get(phrase, set())

    def entries(self, phrase: str) -> list:
        return []


def test_a_member_never_hides_a_better_entry() -> None:
    holders = oh.read_office_holders(HOLDERS, "h.tsv")
    people = {e.name: e for e in oh.add_legislators(holders, MEMBERS, _Below(), HOLDERS)}
    # Same name and country: one person, the office-holder's row wins from 2005.
    ann = people["ann example"]
    assert ann.source == "h.tsv"
    assert ann.phrases == ("ann example", "example", "ann b. example")
    assert ann.code_on(date(2003, 1, 1)) == "XXXLEG"
    assert ann.code_on(date(2008, 1, 1)) == "XXXGOV"
    assert CodeSpan("XXXLEG", date(2000, 1, 3), date(2004, 12, 31)) in ann.codes
    # Same name, another country: a different person; the office-holder keeps the name.
    assert people["jim other"].codes == (CodeSpan("YYYGOV", date(2001, 1, 1)),)
    # A phrase the layers below hold as a place is not taken ("Sam Lagos" is a capital here);
    # the member keeps the rest of their names.
    assert people["samuel lagos"].phrases == ("samuel lagos",)
    # An office-holder's phrase is not taken by another member.
    assert people["ted example"].phrases == ("ted example", "ted b. example")


def test_a_place_named_member_is_not_taken_in_the_shipped_layer(lex: Lexicon) -> None:
    # Representatives named like places keep their full names; the places stay places.
    assert lex.lookup("Washington", date(2019, 1, 1))[0].kind == "capital"
    assert lex.lookup("Georgia", date(2019, 1, 1))[0].kind == "country"


def test_every_row_of_the_data_file_is_valid() -> None:
    rows = oh.read_rows(TSV.read_text(encoding="utf-8"), oh.LEGISLATORS)
    assert len(rows) > 2_000
    for number, row in rows:
        where = f"{oh.LEGISLATORS}:{number}"
        assert ACTOR_CODE.match(row["code"]), where
        assert row["code"] == "USALEG", where
        start, end = date.fromisoformat(row["from"]), date.fromisoformat(row["until"])
        assert start <= end, where
        assert end >= date(2000, 1, 1), where
        assert start <= date(2026, 12, 31), where
        assert "congress-legislators" in row["source"], where
        assert "bioguide" in row["source"], where


def test_a_member_does_not_take_a_place_of_the_shipped_lexicon(lex: Lexicon) -> None:
    base = lexicon.base_lexicon()  # Phoenix and the curated tables, the layers under the file
    rows = "Carl Georgia\tGeorgia|Washington|Carl M. Georgia\tUSALEG\t2001-01-03\t\tx\t\t\t\n"
    (carl,) = oh.add_legislators([], rows, base)
    assert carl.phrases == ("carl georgia", "carl m. georgia")  # a country and a capital stay so
    # A member's phrase that a Phoenix person of another country holds is left to Phoenix.
    rows = "John Carter\tJohn R. Carter\tUSALEG\t2003-01-07\t2025-01-03\tx\t\t\t\n"
    (carter,) = oh.add_legislators([], rows, base)
    assert carter.phrases == ("john r. carter",)
    assert lex.code("John Carter", date(2015, 6, 1)) == "NZLGOV"
    assert lex.code("John R. Carter", date(2015, 6, 1)) == "USALEG"
