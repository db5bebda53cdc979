"""Tests for the JSON Lines / JSON array reader and the shared field rules."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from eventwire.clean import content_id
from eventwire.records import Article, ReadFailure, ReadResult
from eventwire.sources import read

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _one(path: Path, **kwargs: Any) -> ReadResult:
    results = list(read([path], **kwargs))
    assert len(results) == 1, results
    return results[0]


def _record(**fields: Any) -> str:
    return json.dumps({"id": "a1", "text": "Some article text.", **fields}, ensure_ascii=False)


def test_jsonl_wikinews_fixture() -> None:
    source = FIXTURES / "wikinews-3.jsonl"
    originals = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    results = list(read([source]))
    assert [type(r) for r in results] == [Article, Article, Article]
    for number, (article, original) in enumerate(zip(results, originals, strict=True), start=1):
        assert isinstance(article, Article)
        assert article.id == original["id"]
        assert article.title == original["title"]
        assert article.source == "Wikinews"
        assert article.url == original["url"]
        assert article.published == date.fromisoformat(original["published"])
        assert article.meta == {"license": original["license"]}
        assert article.text.split() == original["text"].split()
        assert article.origin is not None
        assert (article.origin.path, article.origin.line) == (str(source), number)


def test_jsonl_truncated_line_fails_alone(tmp_path: Path) -> None:
    good = _record()
    path = _write_lines(tmp_path / "a.jsonl", [good, good[:25], "", _record(id="a3")])
    results = list(read([path]))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], ReadFailure)
    assert str(results[1].where) == f"{path}:2"
    assert "invalid JSON" in results[1].reason
    assert isinstance(results[2], Article)
    assert results[2].origin is not None
    assert results[2].origin.line == 4


def test_jsonl_not_an_object(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "a.jsonl", ['["a", "list"]', '"text"', _record()])
    results = list(read([path], fmt="jsonl"))
    assert [str(r) for r in results[:2]] == [
        f"{path}:1: expected a JSON object, got a list",
        f"{path}:2: expected a JSON object, got a string",
    ]
    assert isinstance(results[2], Article)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": None}, "text", "missing text"),
        ({"text": "   "}, "text", "text is empty"),
        ({"text": 42}, "text", "text must be a string"),
        ({"text": ["a", "b"]}, "text", "text must be a string, not a list"),
        ({"id": 1.5}, "id", "id must be a string or an integer"),
        ({"id": True}, "id", "id must be a string or an integer, not a boolean"),
        ({"id": {"a": 1}}, "id", "id must be a string or an integer, not an object"),
        ({"title": 3}, "title", "title must be a string or null"),
        ({"source": ["x"]}, "source", "source must be a string or null"),
        ({"url": False}, "url", "url must be a string or null"),
        ({"lead": 1}, "lead", "lead must be a string or null"),
        ({"language": 1}, "language", "language must be a string or null"),
        ({"news_code": [1]}, "news_code", "news_code must be a string or an integer"),
        ({"tags": [1, 2]}, "tags", "tags must be a list of strings"),
        ({"tags": {"a": 1}}, "tags", "tags must be a list of strings"),
        ({"published": ["2020-01-01"]}, "published", "published must be a date string"),
        ({"published": 1600000000}, "published", "published must be a date string"),
    ],
)
def test_jsonl_wrong_field_types_fail_naming_field(
    tmp_path: Path, fields: dict[str, Any], field: str, message: str
) -> None:
    path = _write_lines(tmp_path / "a.jsonl", [_record(**fields)])
    failure = _one(path)
    assert isinstance(failure, ReadFailure)
    assert failure.where.path == str(path)
    assert failure.where.line == 1
    assert failure.where.field == field
    assert message in failure.reason


def test_jsonl_missing_text_key(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "a.jsonl", ['{"id": "x"}'])
    assert str(_one(path)) == f"{path}:1 [text]: missing text"


def test_jsonl_field_conversions(tmp_path: Path) -> None:
    line = _record(id=17, news_code=837703, tags="iran, security ,", extra={"k": 1}, title=None)
    article = _one(_write_lines(tmp_path / "a.jsonl", [line]))
    assert isinstance(article, Article)
    assert article.id == "17"
    assert article.news_code == "837703"
    assert article.tags == ["iran", "security"]
    assert article.meta == {"extra": {"k": 1}}
    assert article.title is None


def test_jsonl_missing_id_uses_content_id(tmp_path: Path) -> None:
    article = _one(_write_lines(tmp_path / "a.jsonl", ['{"text": "Text without an id."}']))
    assert isinstance(article, Article)
    assert article.id == content_id("Text without an id.")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-01-04", date(2019, 1, 4)),
        ("2019-01-04T10:00:00Z", datetime.fromisoformat("2019-01-04T10:00:00+00:00")),
        ("2019-01-04T10:00:00+03:30", datetime.fromisoformat("2019-01-04T10:00:00+03:30")),
        ("Fri, 04 Jan 2019 10:00:00 +0100", datetime.fromisoformat("2019-01-04T10:00:00+01:00")),
        ("January 4, 2019", date(2019, 1, 4)),
        ("۰۵ مهر ۱۳۹۷ - ۱۶:۵۴", datetime.fromisoformat("2018-09-27T16:54:00+03:30")),
    ],
)
def test_jsonl_published_formats(tmp_path: Path, value: str, expected: object) -> None:
    article = _one(_write_lines(tmp_path / "a.jsonl", [_record(published=value)]))
    assert isinstance(article, Article)
    assert article.published == expected
    if isinstance(expected, datetime):
        assert isinstance(article.published, datetime)
        assert article.published.utcoffset() == expected.utcoffset()


def test_jsonl_unparseable_published_is_a_notice(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "a.jsonl", ["", _record(published="sometime soon")])
    article = _one(path)
    assert isinstance(article, Article)
    assert article.published is None
    assert [str(n) for n in article.warnings] == [
        f"{path}:2 [published]: unrecognised date 'sometime soon'; published left empty"
    ]


def test_jsonl_round_trips_article_json(tmp_path: Path) -> None:
    first = next(read([FIXTURES / "wikinews-3.jsonl"]))
    assert isinstance(first, Article)
    again = _one(_write_lines(tmp_path / "b.jsonl", [first.to_json()]))
    assert isinstance(again, Article)
    assert again.to_dict() == first.to_dict()


def test_json_array_file(tmp_path: Path) -> None:
    records = [{"id": "x1", "text": "First."}, {"id": "x2", "text": 5}, {"text": "Third."}]
    path = tmp_path / "list.json"
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    results = list(read([path]))
    assert [type(r) for r in results] == [Article, ReadFailure, Article]
    places = [r.where if isinstance(r, ReadFailure) else r.origin for r in results]
    assert [place.line for place in places if place] == [2, 6, 10]


def test_json_array_detected_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "records"
    path.write_text('[{"text": "One."},\n {"text": "Two."}]', encoding="utf-8")
    results = list(read([path]))
    assert [r.text for r in results if isinstance(r, Article)] == ["One.", "Two."]


def test_json_single_pretty_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "p", "text": "Pretty."}, indent=2), encoding="utf-8")
    article = _one(path)
    assert isinstance(article, Article)
    assert article.id == "p"


def test_json_file_with_one_object_per_line(tmp_path: Path) -> None:
    path = _write_lines(tmp_path / "lines.json", [_record(id="j1"), _record(id="j2")])
    assert [r.id for r in read([path]) if isinstance(r, Article)] == ["j1", "j2"]


def test_json_array_broken_stops_with_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n{"text": "One."},\n{"text": "Two.",\n', encoding="utf-8")
    results = list(read([path]))
    assert isinstance(results[0], Article)
    assert isinstance(results[-1], ReadFailure)
    assert results[-1].where.line is not None
    assert results[-1].where.path == str(path)
