"""Reader for RSS and Atom feeds via feedparser: one article per entry."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO

from eventwire.clean import clean_text, content_id, split_paragraphs, to_ascii_digits
from eventwire.errors import Where
from eventwire.records import Article, Notice, Published, ReadFailure, ReadResult
from eventwire.sources.decode import (
    read_whole,
    size_reason,
)
from eventwire.sources.fields import parse_published, plausible_published
from eventwire.sources.jsonl import CONTAINER_FACTOR
from eventwire.sources.markup import html_to_text

_ENTRY_TAG_RE = re.compile(r"<(?:[\w-]+:)?(?:item|entry)[\s>/]")


def read_feed(
    stream: BinaryIO, path: str, encoding: str | None, max_bytes: int
) -> Iterator[ReadResult]:
    """The entries of an RSS 2.0, RSS 1.0 or Atom feed, each with the line where it starts."""
    # Decode here rather than letting feedparser guess, so a bad byte is reported like elsewhere.
    read = read_whole(stream, path, encoding, max_bytes * CONTAINER_FACTOR, declared=True)
    if isinstance(read, ReadFailure):
        yield read
        return
    text = read[1]
    # A str argument would be taken as a URL or file name to open when it does not look like XML;
    # bytes in a stream with a declared charset are only ever parsed.
    import feedparser  # paid only when a feed is read

    parsed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=True,
        resolve_relative_uris=False,
    )
    entries: list[Any] = list(parsed.entries)
    problem = str(parsed.get("bozo_exception", "")) if parsed.bozo else ""
    if not entries:
        reason = f"not a readable feed: {problem}" if problem else "feed has no entries"
        yield ReadFailure(Where(path), reason)
        return
    source = clean_text(parsed.feed.get("title") or "") or None
    language = (parsed.feed.get("language") or "").split("-")[0].lower() or None
    locator = _EntryLocator(text)
    for entry in entries:
        where = Where(path, locator.next_line())
        warnings = (
            [Notice(where, f"feed is not well-formed ({problem}); read anyway")] if problem else []
        )
        yield _entry_article(entry, where, source, language, max_bytes, warnings)


class _EntryLocator:
    """Finds the line of each entry in the feed text; feedparser does not keep positions."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._position = 0
        self._line = 1

    def next_line(self) -> int | None:
        found = _ENTRY_TAG_RE.search(self._text, self._position)
        if found is None:
            return None
        self._line += self._text.count("\n", self._position, found.start())
        self._position = found.start() + 1
        return self._line


def _entry_text(entry: Any) -> str:
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        text = clean_text(value) if part.get("type") == "text/plain" else html_to_text(value)
        if text:
            return text
    return html_to_text(entry.get("summary") or "")


def _entry_article(
    entry: Any,
    where: Where,
    source: str | None,
    language: str | None,
    max_bytes: int,
    warnings: list[Notice],
) -> ReadResult:
    body = "\n\n".join(split_paragraphs(_entry_text(entry)))
    if not body:
        return ReadFailure(where, "feed entry has no content or summary")
    size = len(body.encode("utf-8"))
    if size > max_bytes:
        return ReadFailure(where, size_reason(size, max_bytes))
    url = entry.get("link") or None
    return Article(
        id=to_ascii_digits(entry.get("id") or url or content_id(body)),
        text=body,
        title=clean_text(entry.get("title") or "") or None,
        source=source,
        published=_published(entry, where, warnings),
        tags=[tag["term"] for tag in entry.get("tags") or [] if tag.get("term")],
        url=url,
        language=language,
        meta={"author": entry["author"]} if entry.get("author") else {},
        origin=where,
        warnings=warnings,
    )


def _published(entry: Any, where: Where, warnings: list[Notice]) -> Published | None:
    for key in ("published", "updated"):
        value = entry.get(key)
        if not value:
            continue
        try:
            published = parse_published(value)
        except ValueError:
            published = None
        if isinstance(published, datetime) and published.tzinfo is not None:
            return published
        # feedparser's own parse is in UTC and understands more date spellings than we do.
        parsed = entry.get(f"{key}_parsed")
        if parsed is not None:
            try:
                return plausible_published(datetime(*parsed[:6]).replace(tzinfo=UTC), value)
            except ValueError:  # feedparser gives year 0 or 99999 as readily as any other
                pass
        if published is not None:
            return published
    warnings.append(Notice(Where(where.path, where.line, "published"), "entry has no date"))
    return None
