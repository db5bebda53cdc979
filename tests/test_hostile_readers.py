"""Hostile input, round two (issue 19): each case a per-record report, every good record kept."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from eventwire.errors import Where
from eventwire.ingest import ingest
from eventwire.records import Article, ReadFailure, ReadResult
from eventwire.sources import read, read_stream
from eventwire.sources.fields import parse_published
from eventwire.store import open_store

NEXT_YEAR = date.today().year + 1


def _good(number: int) -> str:
    return json.dumps({"id": f"good-{number}", "text": "Egypt and Sudan held talks in Cairo."})


def _between_good(path: Path, bad: str) -> Path:
    """A JSONL file: a good record, the bad one, a good record."""
    path.write_text(f"{_good(1)}\n{bad}\n{_good(2)}\n", encoding="utf-8")
    return path


def _summary(results: list[ReadResult]) -> list[str]:
    """Each result as one line: the id of an article (with its warnings) or a failure's report."""
    lines = []
    for result in results:
        if isinstance(result, ReadFailure):
            lines.append(f"FAIL {result}")
        else:
            lines.append(" | ".join([result.id, *(str(w) for w in result.warnings)]))
    return lines


def test_integer_of_5000_digits_fails_its_record_only(tmp_path: Path) -> None:
    path = _between_good(
        tmp_path / "n.jsonl", '{"id": "bad", "text": "Iran talks.", "n": ' + "9" * 5000 + "}"
    )
    assert _summary(list(read([path]))) == [
        "good-1",
        f"FAIL {path}:2: invalid JSON: an integer over 4,300 digits long",
        "good-2",
    ]


def test_integer_of_5000_digits_in_a_json_array_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_text('[{"id": "x", "text": "Iran talks.", "n": ' + "9" * 5000 + "}]")
    assert _summary(list(read([path]))) == [
        f"FAIL {path}:1: invalid JSON: an integer over 4,300 digits long"
    ]


def test_unknown_field_nested_900_deep_fails_its_record_naming_the_field(tmp_path: Path) -> None:
    bad = '{"id": "bad", "text": "Iran talks.", "x": ' + "[" * 900 + "]" * 900 + "}"
    path = _between_good(tmp_path / "deep.jsonl", bad)
    assert _summary(list(read([path]))) == [
        "good-1",
        f"FAIL {path}:2 [x]: x is nested 900 levels deep, over the limit of 64",
        "good-2",
    ]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (
            "2020-01-01T00:00:00+25:00",
            "impossible date '2020-01-01T00:00:00+25:00': offset must be a timedelta strictly "
            "between -timedelta(hours=24) and timedelta(hours=24)",
        ),
        (
            "Tue, 31 Dec 9999 23:59:59 -1200",
            "impossible date 'Tue, 31 Dec 9999 23:59:59 -1200': date value out of range",
        ),
        (
            "1399-12-30",
            "impossible date '1399-12-30' for a news article: year 1399 "
            f"(before 1900 or after {NEXT_YEAR})",
        ),
        (
            "1850-06-01T10:00:00Z",
            "impossible date '1850-06-01T10:00:00Z' for a news article: year 1850 "
            f"(before 1900 or after {NEXT_YEAR})",
        ),
        (
            f"{NEXT_YEAR + 1}-01-01",
            f"impossible date '{NEXT_YEAR + 1}-01-01' for a news article: year {NEXT_YEAR + 1} "
            f"(before 1900 or after {NEXT_YEAR})",
        ),
    ],
)
def test_impossible_dates_are_reported_and_not_stored(
    tmp_path: Path, value: str, reason: str
) -> None:
    record = json.dumps({"id": "bad", "text": "Iran talks.", "published": value})
    path = _between_good(tmp_path / "d.jsonl", record)
    results = list(read([path]))
    assert _summary(results) == [
        "good-1",
        f"bad | {path}:2 [published]: {reason}; published left empty",
        "good-2",
    ]
    assert isinstance(results[1], Article)
    assert results[1].published is None


def test_impossible_dates_never_reach_the_store(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"d{i}", "text": "Iran talks.", "published": value})
        for i, value in enumerate(
            ["2020-01-01T00:00:00+25:00", "Tue, 31 Dec 9999 23:59:59 -1200", "0001-01-01"]
        )
    ]
    path = tmp_path / "dates.jsonl"
    path.write_text("\n".join([_good(1), *lines, _good(2)]) + "\n", encoding="utf-8")
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        summary = ingest([path], store, stages=[])
        stored = {a.id: a.published for a in store.iter_articles()}
    assert (summary.read, len(summary.failures), len(summary.warnings)) == (5, 0, 3)
    assert stored == {"good-1": None, "d0": None, "d1": None, "d2": None, "good-2": None}


def test_boundary_years_are_kept() -> None:
    assert parse_published("1900-01-01") == date(1900, 1, 1)
    assert parse_published(f"{NEXT_YEAR}-12-31") == date(NEXT_YEAR, 12, 31)
    assert parse_published("2020-01-01T00:00:00+23:59") == datetime(
        2020, 1, 1, tzinfo=timezone(timedelta(hours=23, minutes=59))
    )


def test_jalali_date_in_persian_digits_is_converted() -> None:
    # 30 Esfand 1399 (a leap year) is 20 March 2021.
    assert parse_published("۱۳۹۹/۱۲/۳۰") == date(2021, 3, 20)
    assert parse_published("١٣٩٩-١٢-٣٠") == date(2021, 3, 20)
    # Gregorian years in Eastern digits stay Gregorian.
    assert parse_published("۲۰۲۱/۰۳/۲۰") == date(2021, 3, 20)


def test_jalali_date_in_ascii_digits_needs_the_calendar(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    rows = [
        {"id": "plain", "text": "Iran talks.", "published": "1399-12-30"},
        {"id": "hinted", "text": "Iran talks.", "published": "1399-12-30", "calendar": "Jalali"},
        {"id": "persian", "text": "Iran talks.", "published": "۱۳۹۹/۱۲/۳۰"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    plain = {r.id: r.published for r in read([path]) if isinstance(r, Article)}
    assert plain == {"plain": None, "hinted": date(2021, 3, 20), "persian": date(2021, 3, 20)}
    told = {r.id: r.published for r in read([path], calendar="jalali") if isinstance(r, Article)}
    assert told == {
        "plain": date(2021, 3, 20),
        "hinted": date(2021, 3, 20),
        "persian": date(2021, 3, 20),
    }


def test_jalali_calendar_option_reads_csv_dates(tmp_path: Path) -> None:
    path = tmp_path / "j.csv"
    path.write_text("id,text,published\nj1,Iran talks.,1399/01/01\n", encoding="utf-8")
    results = list(read([path], calendar="jalali"))
    assert [(r.id, r.published) for r in results if isinstance(r, Article)] == [
        ("j1", date(2020, 3, 20))
    ]


def test_unknown_calendar_is_refused() -> None:
    with pytest.raises(
        ValueError, match="unknown calendar 'hebrew'; choose from gregorian, jalali"
    ):
        list(read(["x"], calendar="hebrew"))


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("tabnak-８３７703", "tabnak-837703"),
        ("irna-۸۳۷۷۰۳", "irna-837703"),
        ("aj-٨٣٧٧٠٣", "aj-837703"),
        ("hi-८३७", "hi-837"),
        ("m-𝟖𝟑𝟕", "m-837"),
    ],
)
def test_ids_have_ascii_digits(tmp_path: Path, given: str, stored: str) -> None:
    path = tmp_path / "ids.jsonl"
    record = {"id": given, "text": "Iran talks.", "news_code": given}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (article,) = read([path])
    assert isinstance(article, Article)
    assert (article.id, article.news_code) == (stored, stored)


def test_nan_and_infinity_in_meta_are_stored_as_null(tmp_path: Path) -> None:
    path = tmp_path / "nan.jsonl"
    path.write_text(
        '{"id": "n1", "text": "Iran talks.", "meta": {"a": NaN, "b": [Infinity, 1.5]}, '
        '"c": -Infinity, "d": 1e999}\n',
        encoding="utf-8",
    )
    (article,) = read([path])
    assert isinstance(article, Article)
    assert article.meta == {"a": None, "b": [None, 1.5], "c": None, "d": None}
    assert [str(w) for w in article.warnings] == [f"{path}:1 [meta]: -inf, inf, nan stored as null"]
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        ingest([path], store, stages=[])
        (stored,) = store.iter_articles()
    assert json.dumps(stored.meta, allow_nan=False) == (
        '{"a": null, "b": [null, 1.5], "c": null, "d": null}'
    )


def test_folder_tree_1100_deep_is_walked(tmp_path: Path) -> None:
    folder = tmp_path / "tree"
    folder.mkdir()
    deep = folder
    cwd = os.getcwd()
    try:
        os.chdir(folder)
        for _ in range(1100):
            os.mkdir("d")
            os.chdir("d")
            deep = deep / "d"
        Path("a.jsonl").write_text(_good(1) + "\n", encoding="utf-8")
    finally:
        os.chdir(cwd)
    (folder / "b.jsonl").write_text(_good(2) + "\n", encoding="utf-8")
    try:
        assert [(r.id, str(r.origin)) for r in read([folder]) if isinstance(r, Article)] == [
            ("good-2", f"{folder}/b.jsonl:1"),
            ("good-1", f"{deep}/a.jsonl:1"),
        ]
    finally:
        _remove_deep_tree(folder / "d", 1100)


def _remove_deep_tree(top: Path, depth: int) -> None:
    # shutil.rmtree (and so pytest's clean-up) recurses once per level and fails on this tree.
    cwd = os.getcwd()
    try:
        os.chdir(top)
        for _ in range(depth - 1):
            os.chdir("d")
        os.remove("a.jsonl")
        for _ in range(depth - 1):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(cwd)
    top.rmdir()


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_file_name_with_a_non_utf8_byte_is_read_and_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder) + b"/na\xffme.txt"))).write_text("Iran and Egypt held talks.\n")
    (folder / "ok.txt").write_text("Egypt and Sudan held talks.\n")
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        summary = ingest([folder], store, stages=[])
        origins = sorted(str(a.origin) for a in store.iter_articles())
    assert (summary.read, summary.failures) == (2, [])
    assert origins == [f"{folder}/na\\xffme.txt:1", f"{folder}/ok.txt:1"]


# --- CSV: a skipped field is skipped to its closing quote; every line ending is read. ---

INJECTED = 'injected-1,Injected title,"Fake: Israel attacked Iran on Monday.",2020-01-01'


def _csv(rows: list[list[str]], newline: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    return out.getvalue().encode("utf-8")


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_csv_over_long_field_fails_its_row_and_invents_nothing(newline: str) -> None:
    embedded = (f"a line{newline}{INJECTED}{newline}") * 3 + "x" * 3000
    rows = [
        ["id", "title", "text", "published"],
        ["g1", "T", "Egypt and Sudan held talks.", "2020-01-01"],
        ["big", "Big", embedded, "2020-01-01"],
        ["g2", "T", 'Iran, "quoted"\r\nand Iraq.', "2020-01-02"],
    ]
    results = list(read_stream(io.BytesIO(_csv(rows, newline)), "a.csv", max_bytes=2000))
    assert _summary(results) == [
        "g1",
        "FAIL a.csv:3: record is 0.0 MB, over the 0.0 MB limit (EVENTWIRE_MAX_ARTICLE_BYTES)",
        "g2",
    ]
    # Line numbers count every physical line, those inside quoted fields too.
    assert [r.origin.line for r in results if isinstance(r, Article) and r.origin] == [2, 10]
    assert isinstance(results[2], Article)
    assert results[2].text == 'Iran, "quoted"\r\nand Iraq.'


def test_csv_10_mb_field_is_one_failure() -> None:
    embedded = f"a line\n{INJECTED}\n" * 120_000
    rows = [["id", "text"], ["g1", "Egypt talks."], ["huge", embedded], ["g2", "Iran talks."]]
    data = _csv(rows, "\n")
    assert len(data) > 10_000_000
    results = list(read_stream(io.BytesIO(data), "big.csv", max_bytes=2_000_000))
    assert _summary(results) == [
        "g1",
        "FAIL big.csv:3: record is 10.3 MB, over the 2.0 MB limit (EVENTWIRE_MAX_ARTICLE_BYTES)",
        "g2",
    ]
    assert results[2].origin == Where("big.csv", 240_004)


def test_csv_cr_only_line_endings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes(b'id,text\rg1,"Egypt\rand Sudan."\r\rg2,Iran talks.\r')
    assert [(r.id, r.text, str(r.origin)) for r in read([path]) if isinstance(r, Article)] == [
        ("g1", "Egypt\rand Sudan.", f"{path}:2"),
        ("g2", "Iran talks.", f"{path}:5"),
    ]


def test_csv_doubled_quotes_and_crlf_split_across_read_chunks() -> None:
    # The splitter reads 64 KiB at a time: a doubled quote or a CRLF may straddle two reads.
    for pad in range(65_520, 65_545):
        text = "y" * (pad - 20) + 'say ""hi"" now'
        data = f'id,text\r\ng1,"{text}"\r\ng2,ok\r\n'.encode()
        results = list(read_stream(io.BytesIO(data), "c.csv"))
        assert [(r.id, r.text) for r in results if isinstance(r, Article)] == [
            ("g1", text.replace('""', '"')),
            ("g2", "ok"),
        ], pad
        assert len(results) == 2
