"""Reader for scraped Iranian outlet pages: English article text under Persian metadata lines.

The layout (see ``shared/data/seed/tabnak-837703.txt``)::

    date 2018-09-27 نسخه اصلی
    <title>

    <lead>
    کد خبر: ۸۳۷۷۰۳
    تاریخ انتشار: ۰۵ مهر ۱۳۹۷ - ۱۶:۵۴ 27 September 2018

    <Outlet> – <lead again>

    <body paragraphs>

    <tag words>

The article's text is the lead, a blank line and the body paragraphs (the lead once, the
dateline cut off); the lead is also kept apart as metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, BinaryIO

from eventwire.clean import (
    clean_text,
    content_id,
    drop_repeated_lead,
    same_text,
    strip_dateline,
    to_ascii_digits,
)
from eventwire.errors import Where
from eventwire.records import Article, Notice, Published, ReadFailure, ReadResult
from eventwire.sources.decode import read_whole
from eventwire.sources.fields import plausible_published
from eventwire.whenwhere.calendars import parse_jalali

HEADER_RE = re.compile(r"date\s+(?P<date>\d{4}-\d{2}-\d{2})\b")
NEWS_CODE_LABEL = "کد خبر"
PUBLISHED_LABEL = "تاریخ انتشار"
_LABEL_RE = re.compile(
    r"(?P<label>[\u0600-\u06ff][\u0600-\u06ff\u200c ]{0,40}?)\s*[:：]\s*(?P<value>.*)"
)
_GREGORIAN_RE = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})\s*$"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_TAG_LINE_RE = re.compile(r"[^\W\d_A-Z][\w-]*(?: [^\W\d_A-Z][\w-]*){0,14}")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")


@dataclass
class _Page:
    """What has been parsed so far, with the notices for what was missing."""

    path: str
    warnings: list[Notice] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def warn(self, line: int | None, name: str | None, message: str) -> None:
        self.warnings.append(Notice(Where(self.path, line, name), message))


def read_scraped(
    stream: BinaryIO, path: str, encoding: str | None, max_bytes: int
) -> Iterator[ReadResult]:
    """The single article of a scraped page file."""
    read = read_whole(stream, path, encoding, max_bytes)
    yield read if isinstance(read, ReadFailure) else parse_scraped(read[1], path)


def parse_scraped(text: str, path: str) -> ReadResult:
    """One Article from the text of a scraped page; missing parts become None with a Notice."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [(number, clean_text(line)) for number, line in enumerate(raw_lines, start=1)]
    page = _Page(path)
    position = _skip_blank(lines, 0)
    header_day: date | None = None
    if position < len(lines) and (header := HEADER_RE.match(lines[position][1])):
        try:
            header_day = date.fromisoformat(header["date"])
        except ValueError:
            page.warn(lines[position][0], "published", f"impossible header date {header['date']}")
        position += 1
    else:
        page.warn(None, "published", "no 'date YYYY-MM-DD' header line")
    block = _metadata_block(lines)
    title_at = _skip_blank(lines, position)
    title: str | None = None
    if title_at < len(lines) and (block is None or title_at < block[0]):
        title = lines[title_at][1]
        position = title_at + 1
    else:
        page.warn(None, "title", "no title line")
    if block is not None:
        lead = " ".join(line for _, line in lines[position : block[0]] if line) or None
        if lead is None:
            page.warn(lines[block[0]][0], "lead", "no lead paragraph before the metadata lines")
        body_lines = lines[block[1] :]
        values = _labelled_values(page, lines[block[0] : block[1]])
    else:
        lead, body_lines, values = None, lines[position:], {}
    tags, body_lines = _split_tags(page, body_lines)
    paragraphs = _paragraphs(body_lines)
    if (
        block is None
        and len(paragraphs) > 1
        and same_text(strip_dateline(paragraphs[1]).rest, paragraphs[0])
    ):
        lead, paragraphs = paragraphs[0], paragraphs[1:]
    source = _take_dateline(page, paragraphs, body_lines)
    paragraphs = drop_repeated_lead(lead, paragraphs)
    if not paragraphs and lead:
        page.warn(None, "text", "no body; the lead is used as the text")
        paragraphs, lead = [lead], None
    if not paragraphs:
        return ReadFailure(Where(path), "no article text in the scraped page")
    body = "\n\n".join(paragraphs)
    news_code = _news_code(page, values)
    published = _published(page, values, header_day)
    return Article(
        id=_article_id(source, news_code) or content_id(body),
        # The page shows the lead again as the first paragraph of the story: it is coded there,
        # and kept apart as metadata too.
        text=f"{lead}\n\n{body}" if lead else body,
        title=title,
        lead=lead,
        source=source,
        published=published,
        news_code=news_code,
        tags=tags,
        language=_language(body),
        meta=page.meta,
        origin=Where(path, 1),
        warnings=page.warnings,
    )


def _skip_blank(lines: list[tuple[int, str]], position: int) -> int:
    while position < len(lines) and not lines[position][1]:
        position += 1
    return position


def _metadata_block(lines: list[tuple[int, str]]) -> tuple[int, int] | None:
    """The first run of Persian ``label: value`` lines that includes a known label."""
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and _label(lines[end][1]) is not None:
            end += 1
        if {_label(line) for _, line in lines[start:end]} & {NEWS_CODE_LABEL, PUBLISHED_LABEL}:
            return start, end
        start = end + 1
    return None


def _label(line: str) -> str | None:
    match = _LABEL_RE.fullmatch(line)
    return match["label"].strip() if match else None


def _labelled_values(page: _Page, block: list[tuple[int, str]]) -> dict[str, tuple[int, str]]:
    values: dict[str, tuple[int, str]] = {}
    for number, line in block:
        match = _LABEL_RE.fullmatch(line)
        if match is None:
            continue
        label, value = match["label"].strip(), match["value"].strip()
        values[label] = (number, value)
        if label not in (NEWS_CODE_LABEL, PUBLISHED_LABEL):
            page.meta[label] = value
    return values


def _split_tags(
    page: _Page, body: list[tuple[int, str]]
) -> tuple[list[str], list[tuple[int, str]]]:
    """The closing line of lowercase topic words, if any, and the body without it."""
    last = len(body) - 1
    while last >= 0 and not body[last][1]:
        last -= 1
    if last > 0 and _TAG_LINE_RE.fullmatch(body[last][1]) and not body[last - 1][1]:
        return body[last][1].split(), body[:last]
    page.warn(None, "tags", "no closing tags line")
    return [], body


def _paragraphs(body: list[tuple[int, str]]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for _, line in [*body, (0, "")]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def _take_dateline(page: _Page, paragraphs: list[str], body: list[tuple[int, str]]) -> str | None:
    """The outlet named in the first paragraph's dateline, which is cut off the paragraph."""
    first_line = next((number for number, line in body if line), None)
    if not paragraphs:
        return None
    dateline = strip_dateline(paragraphs[0])
    if not dateline.found:
        page.warn(first_line, "source", "no dateline naming the outlet")
        return None
    paragraphs[0] = dateline.rest
    if dateline.place:
        page.meta["place"] = dateline.place
    if dateline.source is None:
        page.warn(first_line, "source", f"the dateline names a place ({dateline.place}), no outlet")
    return dateline.source


def _news_code(page: _Page, values: dict[str, tuple[int, str]]) -> str | None:
    if NEWS_CODE_LABEL not in values:
        page.warn(None, "news_code", f"no '{NEWS_CODE_LABEL}' line")
        return None
    number, value = values[NEWS_CODE_LABEL]
    if not value.isdigit():
        page.warn(number, "news_code", f"news code {value!r} is not a number")
    return value or None


def _split_gregorian(text: str) -> tuple[str, date | None]:
    """The text before a trailing Gregorian date such as ``27 September 2018``, and that date."""
    match = _GREGORIAN_RE.search(text)
    month = _MONTHS.get(match["month"][:3].lower()) if match else None
    if match is None or month is None:
        return text, None
    try:
        return text[: match.start()], date(int(match["year"]), month, int(match["day"]))
    except ValueError:
        return text, None


def _published(
    page: _Page, values: dict[str, tuple[int, str]], header_day: date | None
) -> Published | None:
    """The Jalali timestamp, checked against the Gregorian date after it and the header date."""
    number, value = values.get(PUBLISHED_LABEL, (None, ""))
    jalali_text, gregorian = _split_gregorian(value)
    published: Published | None = None
    if jalali_text.strip():
        try:
            published = plausible_published(parse_jalali(jalali_text), jalali_text.strip())
        except ValueError as err:
            page.warn(number, "published", str(err))
    elif number is None:
        page.warn(None, "published", f"no '{PUBLISHED_LABEL}' line")
    day = published.date() if isinstance(published, datetime) else published
    for other, name in ((gregorian, "Gregorian date"), (header_day, "header date")):
        if other is None:
            continue
        try:
            plausible_published(other, str(other))
        except ValueError as err:
            page.warn(number, "published", f"{name}: {err}")
            continue
        if day is None:
            page.warn(number, "published", f"no Jalali date; the {name} {other} is used")
            published = day = other
        elif other != day:
            page.warn(
                number,
                "published",
                f"Jalali date {day} (from {jalali_text.strip()!r}) disagrees with the {name} "
                f"{other}; the Jalali date is kept",
            )
    return published


def _article_id(source: str | None, news_code: str | None) -> str | None:
    if not source or not news_code:
        return None
    slug = re.sub(r"[^\w]+", "-", source.casefold()).strip("-")
    # Full-width or Persian digits in a code are the same number: "tabnak-８３７703" is 837703.
    return to_ascii_digits(f"{slug}-{news_code}") if slug else None


def _language(text: str) -> str | None:
    """'en' for Latin-script text, 'fa' for Arabic-script text (the two this layout carries)."""
    latin = len(_LATIN_RE.findall(text))
    arabic = len(_ARABIC_RE.findall(text))
    if latin + arabic == 0:
        return None
    if latin / (latin + arabic) >= 0.9:
        return "en"
    return "fa" if arabic / (latin + arabic) >= 0.9 else None
