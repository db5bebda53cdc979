"""Tests for the CSV reader: header mapping, multi-line fields, line numbers, bad rows."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from eventwire.records import Article, ReadFailure
from eventwire.sources import read

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_csv_fixture_rows() -> None:
    path = FIXTURES / "articles.csv"
    results = list(read([path]))
    assert all(isinstance(r, Article) for r in results)
    first, second, third = (r for r in results if isinstance(r, Article))
    assert first.id == "csv-1"
    assert first.text == (
        "A ceasefire between government forces and rebels held for a third day on Sunday, "
        "officials said.\n\nAid convoys reached two besieged towns for the first time since March."
    )
    assert first.published == date(2020, 5, 10)
    assert first.meta == {"section": "world"}
    assert second.published == datetime.fromisoformat("2020-05-12T10:15:00+02:00")
    assert third.id.startswith("sha1:")
    assert third.published is None
    assert third.url is None
    # Line numbers are where each record starts; the first row spans lines 2-4.
    assert [a.origin.line for a in (first, second, third) if a.origin] == [2, 5, 6]


def test_csv_columns_in_any_order_and_shared_field_rules(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        'Text,ID,tags,published\nBody one.,7,"iran,security",not a date\n,8,,\n',
        encoding="utf-8",
    )
    results = list(read([path]))
    article, failure = results
    assert isinstance(article, Article)
    assert (article.id, article.tags, article.published) == ("7", ["iran", "security"], None)
    assert "unrecognised date" in str(article.warnings[0])
    assert isinstance(failure, ReadFailure)
    assert str(failure) == f"{path}:3 [text]: text is empty"


def test_csv_wrong_field_count_and_bad_bytes_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"id,text\n1,One.\n2,Two.,extra\n3,Caf\xe9 three.\n4,Four.\n")
    results = list(read([path]))
    assert [type(r) for r in results] == [Article, ReadFailure, ReadFailure, Article]
    assert str(results[1]) == f"{path}:3: row has 3 fields, the header has 2"
    assert str(results[2]).startswith(f"{path}:4: not valid UTF-8")
    assert results[3].id == "4"  # type: ignore[union-attr]


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,body\n1,Something.\n", encoding="utf-8")
    assert [str(r) for r in read([path])] == [
        f"{path}:1: CSV header has no 'text' column: id, body"
    ]


def test_csv_unterminated_quote_reads_earlier_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,text\n1,Fine.\n2,"Never closed\n', encoding="utf-8")
    results = list(read([path]))
    assert isinstance(results[0], Article)
    assert [str(r) for r in results[1:]] == [f"{path}:3: bad CSV: unexpected end of data"]


def test_csv_stray_quote_fails_row_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,text\n1,"Bad"quote\n2,"Fine ""quoted"" text"\n', encoding="utf-8")
    results = list(read([path]))
    assert str(results[0]).startswith(f"{path}:2: bad CSV:")
    assert isinstance(results[1], Article)
    assert results[1].text == 'Fine "quoted" text'
