"""Reader for saved HTML article pages, via trafilatura's main-content extraction."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, time
from typing import Any, BinaryIO

from eventwire.clean import clean_text, content_id, same_text
from eventwire.errors import Where
from eventwire.records import Article, Notice, Published, ReadFailure, ReadResult
from eventwire.sources.decode import (
    read_whole,
)
from eventwire.sources.fields import parse_published

_LANG_RE = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
# Ask htmldate for the time of day as well; it falls back to the bare day when there is none.
# It often prefers a date in the URL over the page's own timestamp, so explicit timestamp
# markup is read first (below).
_TIMESTAMP_XPATH = (
    "//meta[@property='article:published_time' or @property='og:published_time'"
    " or @itemprop='datePublished' or @name='date' or @name='pubdate']/@content"
    " | //time[@itemprop='datePublished' or @pubdate]/@datetime"
)
_DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


def read_html(
    stream: BinaryIO, path: str, encoding: str | None, max_bytes: int
) -> Iterator[ReadResult]:
    """The single article of an HTML page."""
    read = read_whole(stream, path, encoding, max_bytes, declared=True)
    yield read if isinstance(read, ReadFailure) else parse_html(read[1], path)


def parse_html(page: str, path: str) -> ReadResult:
    """One Article from an HTML page's main content.

    The id is ``url:`` plus the page's canonical URL when it declares one (so a re-saved copy of
    the same page is the same article), else the content id of the text.
    """
    where = Where(path, 1)
    import trafilatura  # ~0.2 s to import: paid only when a page is read

    extracted = trafilatura.extract(
        page, output_format="json", with_metadata=True, date_extraction_params=_DATE_PARAMS
    ) or trafilatura.extract(page, output_format="json", with_metadata=False)
    # (The second try: trafilatura discards the whole page when its metadata, such as a date
    # with a +25:00 offset, cannot be parsed; the text is still the article's.)
    found: dict[str, Any] = json.loads(extracted) if extracted else {}
    title = clean_text(found.get("title") or "") or None
    lines = [clean_text(line) for line in (found.get("text") or "").split("\n")]
    paragraphs = [line for line in lines if line]
    if paragraphs and title and same_text(paragraphs[0], title):
        del paragraphs[0]
    if not paragraphs:
        return ReadFailure(where, "no article text found in the HTML page")
    text = "\n\n".join(paragraphs)
    warnings: list[Notice] = []
    url = found.get("source") or None
    meta = {key: found[key] for key in ("author", "hostname", "categories") if found.get(key)}
    language = _LANG_RE.search(page[:4096])
    return Article(
        id=f"url:{url}" if url else content_id(text),
        text=text,
        title=title,
        source=found.get("source-hostname") or None,
        published=_published(_declared_timestamp(page) or found.get("date"), where, warnings),
        url=url,
        language=language[1].lower() if language else found.get("language") or None,
        meta=meta,
        origin=where,
        warnings=warnings,
    )


def _published(value: str | None, where: Where, warnings: list[Notice]) -> Published | None:
    if not value:
        warnings.append(Notice(Where(where.path, where.line, "published"), "no date in the page"))
        return None
    try:
        published = parse_published(value)
    except ValueError:
        warnings.append(Notice(where, f"unrecognised page date {value!r}"))
        return None
    # htmldate pads a bare day to midnight without an offset; that is a day, not a time.
    if isinstance(published, datetime) and published.tzinfo is None and published.time() == time():
        return published.date()
    return published


def _declared_timestamp(page: str) -> str | None:
    """The publication time the page declares in its markup, when it has a time of day."""
    import lxml.html  # only HTML input needs it: other runs do not load lxml
    from lxml import etree

    try:
        tree = lxml.html.fromstring(page)
    except (etree.ParserError, ValueError):
        return None
    for value in tree.xpath(_TIMESTAMP_XPATH):
        try:
            published = parse_published(str(value))
        except ValueError:
            continue
        if isinstance(published, datetime):
            return str(value)
    return None
