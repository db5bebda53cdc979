"""Hypothesis fuzzing of the readers with hostile values mixed into good records (issue 19).

Whatever the hostile records hold — numbers past Python's 4,300-digit limit, nesting hundreds deep,
impossible dates and offsets, bad spans, control characters and surrogates in names — no
exception escapes, and every good record of the file is read (and, for the record formats,
stored by a real ingest into SQLite).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import ingest
from eventwire.records import Article, ReadFailure, ReadResult
from eventwire.sources import read_stream
from eventwire.store import open_store

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GOOD_TEXT = "Egypt and Sudan held talks in Cairo on water sharing, number {}."

EXTREME_DATES = st.sampled_from(
    [
        "2020-01-01T00:00:00+25:00",
        "2020-01-01T00:00:00-24:00",
        "Tue, 31 Dec 9999 23:59:59 -1200",
        "Mon, 01 Jan 0001 00:00:00 +1400",
        "0001-01-01",
        "9999-12-31T23:59:59-23:59",
        "1399-12-30",
        "۱۳۹۹/۱۲/۳۰",
        "۱۳۹۹/۱۳/۴۰",
        "99999-01-01",
        "2020-02-30",
        "1e999",
        "",
        "\x07",
    ]
)
# Raw JSON values (text, not Python objects): what json.dumps cannot even produce.
HUGE_NUMBERS = st.integers(4_301, 6_000).map(lambda n: "9" * n) | st.sampled_from(
    ["1e999", "-1e999", "NaN", "Infinity", "-Infinity", "1" + "0" * 400 + ".5"]
)
DEEP = st.integers(60, 990).map(lambda n: "[" * n + "]" * n) | st.integers(60, 990).map(
    lambda n: '{"a":' * n + "1" + "}" * n
)
BAD_NAMES = st.sampled_from(
    [
        '"\\ud800"',
        '"a\\u0000b"',
        '"tabnak-\\uff18\\uff13\\uff17703"',
        '"\\u202e\\u0631"',
        '"' + "x" * 3000 + '"',
        "[1, 2]",
        "{}",
        "true",
    ]
)
BAD_OFFSETS = st.sampled_from(
    ["[-1, 5]", "[5, 2]", "[0, 99999999999999999999]", '["a", null]', "-0", "1e308"]
)
RAW_VALUES = HUGE_NUMBERS | DEEP | BAD_NAMES | BAD_OFFSETS | EXTREME_DATES.map(json.dumps)
FIELDS = st.sampled_from(
    ["published", "id", "title", "text", "tags", "news_code", "meta", "span", "extra", "url"]
)


@st.composite
def hostile_jsonl_line(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["field", "field", "field", "garbage"]))
    if kind == "garbage":
        return draw(st.sampled_from(["{", "[" * 5000, "null", '"text"', "{}", "\x1b[0m"]))
    field, value = draw(FIELDS), draw(RAW_VALUES)
    base = f'"id": "bad-{draw(st.integers(0, 99))}", "text": "Iran talks."'
    return "{" + base + f', "{field}": {value}' + "}"


def _good_line(number: int) -> str:
    return json.dumps({"id": f"good-{number}", "text": GOOD_TEXT.format(number)})


def _interleave(draw: st.DrawFn, bad: list[str], good: list[str]) -> list[str]:
    order = draw(st.permutations(range(len(bad) + len(good))))
    items = bad + good
    return [items[i] for i in order]


def _articles(results: list[ReadResult]) -> list[Article]:
    assert all(isinstance(r, Article | ReadFailure) for r in results)
    return [r for r in results if isinstance(r, Article)]


def _good_ids(results: list[ReadResult]) -> set[str]:
    return {a.id for a in _articles(results) if a.id.startswith("good-")}


def _stored_ids(name: str, data: bytes) -> set[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with open_store(f"sqlite:///{folder}/s.db") as store:
            ingest([path], store, stages=[], max_bytes=20_000)
            return {a.id for a in store.iter_articles() if a.id.startswith("good-")}


@FUZZ
@given(data=st.data(), bad=st.lists(hostile_jsonl_line(), min_size=1, max_size=6))
def test_jsonl_hostile_records_never_cost_a_good_one(data: st.DataObject, bad: list[str]) -> None:
    good = [_good_line(n) for n in range(data.draw(st.integers(1, 4)))]
    lines = _interleave(data.draw, bad, good)
    body = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    expected = {f"good-{n}" for n in range(len(good))}
    assert _good_ids(list(read_stream(io.BytesIO(body), "f.jsonl", max_bytes=20_000))) == expected
    assert _stored_ids("f.jsonl", body) == expected


# Cells over the 20,000-byte limit hold whole CSV lines: none may be read as a row.
HOSTILE_CELLS = (
    EXTREME_DATES
    | HUGE_NUMBERS
    | st.sampled_from(['a "quoted" cell', "line\nbreak", "cr\ronly", "crlf\r\nx", "\x1b", ","])
    | st.integers(530, 1_100).map(lambda n: 'injected-1,Injected,"Fake.",2020-01-01\n' * n)
)
# (A raw NUL byte makes a file binary as a whole, by design: tests/fixtures/hostile/nul-bytes.txt.)


@FUZZ
@given(
    data=st.data(),
    bad=st.lists(st.lists(HOSTILE_CELLS, min_size=1, max_size=5), min_size=1, max_size=5),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_csv_hostile_rows_never_cost_a_good_one(
    data: st.DataObject, bad: list[list[str]], newline: str
) -> None:
    count = data.draw(st.integers(1, 4))
    good = [[f"good-{n}", GOOD_TEXT.format(n), "2020-01-02"] for n in range(count)]
    rows = _interleave(data.draw, [["bad", *cells] for cells in bad], good)
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows([["id", "text", "published"], *rows])
    body = out.getvalue().encode("utf-8")
    expected = {f"good-{n}" for n in range(count)}
    read_ids = _good_ids(list(read_stream(io.BytesIO(body), "f.csv", max_bytes=20_000)))
    assert read_ids == expected
    assert _stored_ids("f.csv", body) == expected


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@FUZZ
@given(
    data=st.data(),
    bad=st.lists(st.tuples(EXTREME_DATES, BAD_NAMES), min_size=1, max_size=4),
)
def test_feed_hostile_entries_never_cost_a_good_one(
    data: st.DataObject, bad: list[tuple[str, str]]
) -> None:
    count = data.draw(st.integers(1, 3))
    good = [
        f"<item><guid>good-{n}</guid><title>Talks {n}</title>"
        f"<pubDate>Mon, 02 Nov 2020 14:05:00 +0100</pubDate>"
        f"<description>{GOOD_TEXT.format(n)}</description></item>"
        for n in range(count)
    ]
    hostile = [
        f"<item><guid>bad-{i}</guid><title>{_xml(name)}</title><pubDate>{_xml(date)}</pubDate>"
        f"<description>Iran talks {i}.</description></item>"
        for i, (date, name) in enumerate(bad)
    ]
    items = "".join(_interleave(data.draw, hostile, good))
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>W</title>'
        f"{items}</channel></rss>"
    ).encode("utf-8", "surrogatepass")
    results = list(read_stream(io.BytesIO(body), "f.xml", fmt="feed"))
    assert _good_ids(results) == {f"good-{n}" for n in range(count)}


@FUZZ
@given(date=EXTREME_DATES, title=BAD_NAMES, canonical=BAD_NAMES | BAD_OFFSETS)
def test_html_page_with_hostile_metadata_is_read(date: str, title: str, canonical: str) -> None:
    page = (
        f'<html lang="en"><head><title>{_xml(title)}</title>'
        f'<link rel="canonical" href="https://x.example/{_xml(canonical)}">'
        f'<meta property="article:published_time" content="{_xml(date)}"></head>'
        f"<body><article><p>{GOOD_TEXT.format(1)}</p><p>{GOOD_TEXT.format(2)}</p></article>"
        "</body></html>"
    )
    (article,) = _articles(
        list(read_stream(io.BytesIO(page.encode("utf-8", "surrogatepass")), "p.html"))
    )
    assert article.text == f"{GOOD_TEXT.format(1)}\n\n{GOOD_TEXT.format(2)}"
    assert article.published is None or article.published.year >= 1900


@FUZZ
@given(date=EXTREME_DATES, code=st.sampled_from(["８３７703", "۸۳۷۷۰۳", "9" * 5000, "-1", "\x1b"]))
def test_scraped_page_with_hostile_header_is_read(date: str, code: str) -> None:
    page = (
        f" date {date} نسخه اصلی\nTalks in Cairo\n\nA lead.\nکد خبر: {code}\n"
        f"تاریخ انتشار: {date}\n\nTabnak – {GOOD_TEXT.format(1)}\n\n{GOOD_TEXT.format(2)}\n"
    )
    results = list(read_stream(io.BytesIO(page.encode("utf-8")), "tabnak-1.txt", fmt="scraped"))
    (article,) = _articles(results)
    assert GOOD_TEXT.format(2) in article.text
    assert article.published is None or article.published.year >= 1900
    if code in ("８３７703", "۸۳۷۷۰۳"):
        assert article.id == "tabnak-837703"
