"""Field rules shared by the record formats (JSONL, JSON arrays, CSV): types, dates, defaults."""

from __future__ import annotations

import email.utils
import math
import re
from datetime import UTC, date, datetime
from typing import Any

from dateutil import parser as dateparser

from eventwire.clean import clean_text, content_id, storable, to_ascii_digits
from eventwire.errors import Where
from eventwire.records import Article, Notice, Published, ReadFailure, ReadResult, published_iso
from eventwire.whenwhere.calendars import looks_jalali, parse_jalali

KNOWN_FIELDS = (
    "id",
    "title",
    "text",
    "published",
    "source",
    "url",
    "lead",
    "tags",
    "news_code",
    "language",
)
_DATE_ONLY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HAS_TIME_RE = re.compile(r"\d:\d\d")
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Digits as Iranian sites write them (Persian U+06F0.., Arabic-Indic U+0660..).
_EASTERN_DIGIT_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_NUMERIC_DAY_RE = re.compile(r"\s*(?P<year>\d{4})[/-]\d{1,2}[/-]\d{1,2}\b")
# Solar hijri years of news: 1300 is 1921, 1500 is 2121; no Gregorian news date falls here.
_JALALI_YEARS = range(1300, 1500)
# Names a source may give its calendar in a ``calendar`` field.
_JALALI_NAMES = {"jalali", "persian", "solar hijri", "shamsi", "hijri shamsi"}
# No news article is older than this; one dated later than next year is a wrong date.
FIRST_NEWS_YEAR = 1900
# Deeper than this, a value in ``meta`` is not metadata (and json/PostgreSQL recurse on it).
MAX_META_DEPTH = 64


class FieldError(Exception):
    """A field of one record has the wrong type; becomes a ReadFailure naming the field."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


class ImpossibleDate(ValueError):
    """A date that parses but cannot be a news article's (year, offset or range out of bounds)."""


def parse_published(value: str, calendar: str | None = None) -> Published:
    """A publication time from ISO 8601, RFC 822, a Jalali date or common prose forms.

    A value without a time of day gives a ``date``; with one, a datetime (aware when the text has an
    offset). A numeric date is Jalali when written in Persian digits with a solar hijri year
    (``۱۳۹۹/۱۲/۳۰``) or when ``calendar`` is ``"jalali"`` (``1399-12-30``). Raises ValueError when
    nothing fits, ImpossibleDate (a ValueError) when the result cannot date a news article.
    """
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    return plausible_published(_parse_any(text, value, calendar), value)


def plausible_published(published: Published, value: object) -> Published:
    """``published`` when it can date a news article and be stored; else ImpossibleDate."""
    try:
        published_iso(published)
        if isinstance(published, datetime) and published.utcoffset() is not None:
            published.astimezone(UTC)
    except (ValueError, OverflowError) as err:
        raise ImpossibleDate(f"impossible date {value!r}: {str(err).rstrip('.')}") from None
    last = date.today().year + 1
    if not FIRST_NEWS_YEAR <= published.year <= last:
        raise ImpossibleDate(
            f"impossible date {value!r} for a news article: year {published.year} "
            f"(before {FIRST_NEWS_YEAR} or after {last})"
        )
    return published


def _is_numeric_jalali(text: str, calendar: str | None) -> bool:
    match = _NUMERIC_DAY_RE.match(to_ascii_digits(text))
    if match is None:
        return False
    persian_digits = _EASTERN_DIGIT_RE.search(text) and int(match["year"]) in _JALALI_YEARS
    return bool(persian_digits) or calendar == "jalali"


def _parse_any(text: str, value: str, calendar: str | None) -> Published:
    if _is_numeric_jalali(text, calendar) or looks_jalali(text):
        return parse_jalali(text)
    text = to_ascii_digits(text)
    if _DATE_ONLY_RE.fullmatch(text):
        return date.fromisoformat(text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        parsed: datetime = dateparser.parse(text)
    except (ValueError, OverflowError) as err:
        raise ValueError(f"unrecognised date {value!r}: {err}") from None
    return parsed if _HAS_TIME_RE.search(text) else parsed.date()


def _optional_str(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(name, f"{name} must be a string or null, not {_kind(value)}")
    return clean_text(value) or None


_KINDS = {
    dict: "an object",
    list: "a list",
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    str: "a string",
    type(None): "null",
}


def _kind(value: object) -> str:
    return _KINDS.get(type(value), f"a {type(value).__name__}")


def _identifier(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise FieldError(name, f"{name} must be a string or an integer, not {_kind(value)}")
    # "tabnak-８３７703" and "tabnak-837703" are one article: digits are compared as numbers.
    value = to_ascii_digits(value)
    if _CONTROL_RE.search(value):
        # Cleaning an id would make two different ids one; refusing it is the honest answer.
        raise FieldError(name, f"{name} contains control characters: {value!r}")
    if _SURROGATE_RE.search(value):
        raise FieldError(name, f"{name} contains a lone surrogate: {value!r}")
    return value.strip() or None


def _tags(record: dict[str, Any]) -> list[str]:
    value = record.get("tags")
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        raise FieldError("tags", "tags must be a list of strings or a comma-separated string")
    return [cleaned for tag in value if (cleaned := clean_text(tag))]


def _text(record: dict[str, Any]) -> tuple[str, str]:
    """The text as the record gives it (offsets index it; only characters no database stores
    are replaced, one for one) and its normalised form (for the emptiness check and the id)."""
    value = record.get("text")
    if value is None:
        raise FieldError("text", "missing text")
    if not isinstance(value, str):
        raise FieldError("text", f"text must be a string, not {_kind(value)}")
    text = storable(value)
    clean = clean_text(text)
    if not clean:
        raise FieldError("text", "text is empty")
    return text, clean


def _calendar(record: dict[str, Any], calendar: str | None) -> str | None:
    """The record's own ``calendar`` field when it names the Persian one, else ``calendar``."""
    named = record.get("calendar")
    if isinstance(named, str) and named.strip().lower() in _JALALI_NAMES:
        return "jalali"
    return calendar


def _published(
    record: dict[str, Any], where: Where, warnings: list[Notice], calendar: str | None
) -> Published | None:
    value = record.get("published")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise FieldError("published", f"published must be a date string, not {_kind(value)}")
    field_where = Where(where.path, where.line, "published")
    try:
        return parse_published(value, _calendar(record, calendar))
    except ImpossibleDate as err:
        warnings.append(Notice(field_where, f"{err}; published left empty"))
    except ValueError:
        warnings.append(Notice(field_where, f"unrecognised date {value!r}; published left empty"))
    return None


def _meta(record: dict[str, Any], where: Where, warnings: list[Notice]) -> dict[str, Any]:
    base = record.get("meta")
    meta: dict[str, Any] = dict(base) if isinstance(base, dict) else {}
    if base is not None and not isinstance(base, dict):
        meta["meta"] = base
    for key, value in record.items():
        if key not in KNOWN_FIELDS and key != "meta":
            meta[key] = value
    for key, value in meta.items():
        depth = _depth(value)
        if depth > MAX_META_DEPTH:
            raise FieldError(
                str(key),
                f"{key} is nested {depth:,} levels deep, over the limit of {MAX_META_DEPTH}",
            )
    non_finite: list[str] = []
    cleaned: dict[str, Any] = _storable_json(meta, non_finite)
    if non_finite:
        # NaN and Infinity are no JSON: every output (API, export) must stay parseable.
        numbers = ", ".join(sorted(set(non_finite)))
        warnings.append(Notice(Where(where.path, where.line, "meta"), f"{numbers} stored as null"))
    return cleaned


def _depth(value: Any) -> int:
    """How deeply ``value`` nests lists and objects (0 for a scalar), counted without recursion."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level + 1)
            stack.extend((child, level + 1) for child in item)
    return deepest


def _storable_json(value: Any, non_finite: list[str]) -> Any:
    # PostgreSQL's JSONB refuses \u0000 and lone surrogates anywhere in a document, keys included.
    if isinstance(value, str):
        return storable(value.replace("\0", ""))
    if isinstance(value, dict):
        return {
            _storable_json(k, non_finite): _storable_json(v, non_finite) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_storable_json(v, non_finite) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        non_finite.append(str(value))
        return None
    return value


def article_from_record(record: object, where: Where, calendar: str | None = None) -> ReadResult:
    """An Article from one decoded record (a JSON object or a CSV row), or why it is unusable.

    The text is kept as given (see :func:`_text`); the other string fields are normalised.
    A ``lead`` is metadata, not coded. Unknown keys go to ``meta``; a missing id becomes the
    content id of the text. ``calendar`` ("jalali") says how to read numeric dates.
    """
    if not isinstance(record, dict):
        return ReadFailure(where, f"expected a JSON object, got {_kind(record)}")
    warnings: list[Notice] = []
    try:
        text, clean = _text(record)
        article = Article(
            id=_identifier(record, "id") or content_id(clean),
            text=text,
            news_code=_identifier(record, "news_code"),
            tags=_tags(record),
            published=_published(record, where, warnings, calendar),
            meta=_meta(record, where, warnings),
            origin=where,
            warnings=warnings,
            title=_optional_str(record, "title"),
            lead=_optional_str(record, "lead"),
            source=_optional_str(record, "source"),
            url=_optional_str(record, "url"),
            language=_optional_str(record, "language"),
        )
    except FieldError as err:
        return ReadFailure(Where(where.path, where.line, err.field), err.reason)
    return article
