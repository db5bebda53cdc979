"""The TABARI/PETRARCH dictionary parser on small snippets written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.entries import CodeSpan
from eventwire.actors.tabari import (
    ParseReport,
    parse_actors,
    parse_agents,
    parse_code,
    parse_date,
    regular_plural,
)
from eventwire.errors import InputError

ACTORS = """\
# a comment line
FREEDONIA_  [FRD]
+FREEDONIAN_
+FREEDONIA_CITY  # a trailing comment
#+NOT_A_SYNONYM

RUFUS_T._FIREFLY_  # CountryInfo.txt
+PRESIDENT_FIREFLY
\t[FRDELI 19000101-330101]
\t[FRDGOV 19330101-19330615]
\t[FRDGOV >330615]
\t[FRDELI]
AMBASSADOR_TRENTINO_
\t[SYLGOV <19331231]
"""


def test_synonyms_codes_and_comments() -> None:
    freedonia, firefly, trentino = parse_actors(ACTORS.splitlines(), "t.txt", strict=True)
    assert freedonia.phrases == ["freedonia", "freedonian", "freedonia city"]
    assert freedonia.codes == [CodeSpan("FRD")]
    assert freedonia.inline_code
    assert freedonia.line == 2
    assert firefly.phrases == ["rufus t. firefly", "president firefly"]
    assert firefly.comment == "CountryInfo.txt"
    assert firefly.codes == [
        CodeSpan("FRDELI", date(1900, 1, 1), date(1933, 1, 1)),
        CodeSpan("FRDGOV", date(1933, 1, 1), date(1933, 6, 15)),
        CodeSpan("FRDGOV", date(1933, 6, 15), None),
        CodeSpan("FRDELI"),
    ]
    assert trentino.codes == [CodeSpan("SYLGOV", None, date(1933, 12, 31))]


def test_date_forms_and_pivot() -> None:
    assert parse_date("330101") == date(1933, 1, 1)
    assert parse_date("291231") == date(2029, 12, 31)
    assert parse_date("300101") == date(1930, 1, 1)
    assert parse_date("000101") == date(2000, 1, 1)
    assert parse_date("19450508") == date(1945, 5, 8)
    assert parse_date("2018-09-27") == date(2018, 9, 27)
    assert parse_code("IRNGOV 050803-130803") == CodeSpan(
        "IRNGOV", date(2005, 8, 3), date(2013, 8, 3)
    )
    assert parse_code("IRQ <20030320") == CodeSpan("IRQ", None, date(2003, 3, 20))
    assert parse_code("USAGOV  >090120") == CodeSpan("USAGOV", date(2009, 1, 20), None)
    assert parse_code("---") == CodeSpan("---")
    for bad in ("2004017", "201005011", "20121301", "abc"):
        with pytest.raises(ValueError, match=r"date|month|day"):
            parse_date(bad)


def test_stray_century_is_repaired_only_when_lenient() -> None:
    text = "IRAQ_\n\t[IRQOCC 1920030320-20060520]\n"
    report = ParseReport()
    (iraq,) = parse_actors(text.splitlines(), "t.txt", report=report)
    assert iraq.codes == [CodeSpan("IRQOCC", date(2003, 3, 20), date(2006, 5, 20))]
    assert sum(report.skipped.values()) == 1  # counted as repaired
    with pytest.raises(InputError) as caught:
        parse_actors(text.splitlines(), "t.txt", strict=True)
    assert caught.value.where.line == 2
    assert caught.value.where.field == "date"


def test_range_running_backwards_is_rejected() -> None:
    with pytest.raises(InputError, match="ends before it starts"):
        parse_actors(["X_", "\t[EGYGOV 20121207-20120802]"], "t.txt", strict=True)


def test_consecutive_names_share_the_codes_below() -> None:
    text = (
        "IVO_X_\nPRESIDENT_X_\n# Presidents\nX_\n\t[HRVGOV >20120219]\n\nLONE_NAME_\n\nY_ [ABC]\n"
    )
    report = ParseReport()
    entries = parse_actors(text.splitlines(), "t.txt", report=report)
    assert [e.phrases for e in entries] == [["ivo x", "president x", "x"], ["y"]]
    assert report.skipped["entry without a code"] == 1  # LONE_NAME_ (a blank line follows)


def test_parenthetical_notes_are_cut_and_remembered() -> None:
    text = (
        "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]\n"
        "+SAMOA_(AMERICAN)_\n"
        "T_TODOROV (ACTING_ [BGRGOV]\n"
    )
    first, second = parse_actors(text.splitlines(), "t.txt", strict=True)
    assert first.phrases == ["aden abyan islamic army", "samoa"]
    assert first.stripped == {"aden abyan islamic army", "samoa"}
    assert second.phrases == ["t todorov"]


def test_lenient_parse_counts_what_it_skips() -> None:
    text = "A_ [NGOCHRMAY280]\nB_ [ABC 2004017-20061201]\n+\ufffdBAD_\n+C_\nD_ [DEF]\n"
    report = ParseReport()
    entries = parse_actors(text.splitlines(), "t.txt", report=report)
    assert [e.name for e in entries] == ["d"]
    assert report.skipped["bad code 'NGOCHRMAY280'"] == 1
    assert report.skipped["bad date restriction '2004017-20061201'"] == 1
    assert report.skipped["undecodable character in phrase"] == 1
    assert report.skipped["entry without a code"] == 2
    assert report.examples["entry without a code"]


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("A_ [ABCD]\n", 1, "code"),
        ("A_\n\t[ABC 991399-000101]\n", 2, "date"),
        ("A_\n", 1, "code"),
        ("+SYNONYM_FIRST\n", 1, "name"),
        ("\t[ABC]\n", 1, "code"),
    ],
)
def test_strict_errors_name_line_and_field(text: str, line: int, field: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_actors(text.splitlines(), "user.txt", strict=True)
    assert caught.value.where.path == "user.txt"
    assert (caught.value.where.line, caught.value.where.field) == (line, field)


AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
POLICE {} [~COP]
POLICE!PERSON!  [~COP]
REBEL [~REB]
ARMY [~MIL]
THIEF {THIEVES} [~CRM]
FOREIGN_!MINIST! [~GOV]
PEACEKEEPING_TROOPS {} [IGO~]
BROKEN [~ENV}
NO_CODE_HERE
"""


def test_agents_plurals_substitutions_and_prefix_codes() -> None:
    report = ParseReport()
    agents = parse_agents(AGENTS.splitlines(), "agents.txt", report=report)
    table = {a.phrase: a.code for a in agents}
    assert table["police"] == "~COP"
    assert "polices" not in table
    assert table["policeman"] == table["policewomen"] == "~COP"
    assert "policemans" not in table  # substitutions get no extra plural
    assert table["rebel"] == table["rebels"] == "~REB"
    assert table["army"] == table["armies"] == "~MIL"
    assert table["thief"] == table["thieves"] == "~CRM"
    assert "thiefs" not in table
    assert table["foreign minister"] == table["foreign ministries"] == "~GOV"
    assert table["peacekeeping troops"] == "IGO~"
    assert sum(report.skipped.values()) == 2


def test_agent_errors_in_strict_mode() -> None:
    with pytest.raises(InputError) as caught:
        parse_agents(["GOOD [~GOV]", "BAD [GOV]"], "a.txt", strict=True)
    assert (caught.value.where.line, caught.value.where.field) == (2, "code")
    with pytest.raises(InputError, match="undefined substitution"):
        parse_agents(["X!NOPE! [~GOV]"], "a.txt", strict=True)


def test_regular_plural() -> None:
    assert regular_plural("boss") == "bosses"
    assert regular_plural("militia") == "militias"
    assert regular_plural("authority") == "authorities"
    assert regular_plural("envoy") == "envoys"
    assert regular_plural("forces") is None
