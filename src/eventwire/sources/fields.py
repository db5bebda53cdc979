"""Field rules shared by the record formats (JSONL, JSON arrays, CSV): types, dates, defaults."""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime
from typing import Any

from dateutil import parser as dateparser

from eventwire.clean import clean_text, content_id, storable
from eventwire.errors import Where
from eventwire.records import Article, Notice, Published, ReadFailure, ReadResult
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


class FieldError(Exception):
    """A field of one record has the wrong type; becomes a ReadFailure naming the field."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


def parse_published(value: str) -> Published:
    """A publication time from ISO 8601, RFC 822, a Jalali date or common prose forms.

    A value without a time of day gives a ``date``; with one, a datetime (aware when the text has an
    offset). Raises ValueError when nothing fits.
    """
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    if _DATE_ONLY_RE.fullmatch(text):
        return date.fromisoformat(text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    if looks_jalali(text):
        return parse_jalali(text)
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


def _published(record: dict[str, Any], where: Where, warnings: list[Notice]) -> Published | None:
    value = record.get("published")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise FieldError("published", f"published must be a date string, not {_kind(value)}")
    try:
        return parse_published(value)
    except ValueError:
        field_where = Where(where.path, where.line, "published")
        warnings.append(Notice(field_where, f"unrecognised date {value!r}; published left empty"))
        return None


def _meta(record: dict[str, Any]) -> dict[str, Any]:
    base = record.get("meta")
    meta: dict[str, Any] = dict(base) if isinstance(base, dict) else {}
    if base is not None and not isinstance(base, dict):
        meta["meta"] = base
    for key, value in record.items():
        if key not in KNOWN_FIELDS and key != "meta":
            meta[key] = value
    cleaned: dict[str, Any] = _storable_json(meta)
    return cleaned


def _storable_json(value: Any) -> Any:
    # PostgreSQL's JSONB refuses \u0000 and lone surrogates anywhere in a document, keys included.
    if isinstance(value, str):
        return storable(value.replace("\0", ""))
    if isinstance(value, dict):
        return {_storable_json(k): _storable_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_storable_json(v) for v in value]
    return value


def article_from_record(record: object, where: Where) -> ReadResult:
    """An Article from one decoded record (a JSON object or a CSV row), or why it is unusable.

    The text is kept as given (see :func:`_text`); the other string fields are normalised.
    A ``lead`` is metadata, not coded. Unknown keys go to ``meta``; a missing id becomes the
    content id of the text.
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
            published=_published(record, where, warnings),
            meta=_meta(record),
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
