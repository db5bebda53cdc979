"""Rows of the ``articles`` table: the values an Article is written as, and read back from."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from typing import Any, cast

from sqlalchemy import Table

from eventwire.clean import clean_text
from eventwire.errors import StoreError, Where
from eventwire.records import Article, Published, published_day, published_iso
from eventwire.store.models import ArticleRow

# The Core table: rows are read and written as plain tuples, no ORM identity map to grow.
_articles = cast(Table, ArticleRow.__table__)
# Every column an Article is rebuilt from (the derived query columns are left out).
ARTICLE_COLUMNS = [
    _articles.c[name]
    for name in (
        "id",
        "text",
        "title",
        "lead",
        "source",
        "published",
        "news_code",
        "tags",
        "url",
        "language",
        "meta",
        "origin",
        "wrapped",
    )
]
_WHERE = re.compile(r"^(?P<path>.*?)(?::(?P<line>\d+))?(?: \[(?P<field>.*)\])?$", re.DOTALL)
_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the text normalised for comparison: NFKC, case-folded, spaces collapsed.

    Two sources carrying the same wire story with different spacing, letter case or compatibility
    characters (Arabic presentation forms, full-width digits) get the same hash.
    """
    normal = _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _utc(value: Published | None) -> dt.datetime | None:
    # Only an aware time names an instant; a bare day or a naive time has no UTC equivalent.
    if isinstance(value, dt.datetime) and value.utcoffset() is not None:
        return value.astimezone(dt.UTC)
    return None


def _parse_published(text: str | None, article_id: str) -> Published | None:
    if text is None:
        return None
    try:
        if "T" in text or " " in text:
            return dt.datetime.fromisoformat(text)
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        message = f"article {article_id}: stored publication time {text!r} is not ISO 8601"
        raise StoreError(message) from exc


def _parse_where(text: str | None) -> Where | None:
    if not text:
        return None
    match = _WHERE.match(text)
    if match is None:  # pragma: no cover - the pattern matches every string
        return Where(text)
    line = match["line"]
    return Where(match["path"], int(line) if line else None, match["field"])


def article_values(article: Article, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """The ``articles`` row of an article: its fields plus the derived query columns."""
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "lead": article.lead,
        "text": article.text,
        "published": published_iso(article.published),
        "published_day": published_day(article.published),
        "published_utc": _utc(article.published),
        "news_code": article.news_code,
        "tags": list(article.tags),
        "url": article.url,
        "language": article.language,
        "meta": dict(article.meta),
        # Of the normalised text, as before texts were stored as given: the hash compares words.
        "content_hash": content_hash(clean_text(article.text)),
        "origin": str(article.origin) if article.origin else None,
        "wrapped": article.wrapped,
        "ingested_at": now or dt.datetime.now(dt.UTC),
    }


def to_article(row: Any) -> Article:
    return Article(
        id=row.id,
        text=row.text,
        title=row.title,
        lead=row.lead,
        source=row.source,
        published=_parse_published(row.published, row.id),
        news_code=row.news_code,
        tags=list(row.tags or []),
        url=row.url,
        language=row.language,
        meta=dict(row.meta or {}),
        origin=_parse_where(row.origin),
        wrapped=bool(row.wrapped),
    )
