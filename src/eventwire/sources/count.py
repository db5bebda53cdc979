"""How many records an input holds, counted cheaply before reading it, for a progress total.

Each record the readers meet ends as one article or one failure, so a count of records is the
total an ingest works through. It is exact for single-article files (text, HTML, scraped
pages, and files that are unreadable, binary or empty: one failure each) and for JSON Lines
files (their non-blank lines), counted in full up to ``EXACT_BYTES``; beyond that, and for
CSV (quoted cells may hold line breaks), feeds and whole JSON files, it is an estimate.
Standard input cannot be counted without consuming it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventwire.sources import walk
from eventwire.sources.decode import SNIFF_BYTES
from eventwire.sources.detect import detect_format

# Larger files are estimated from their first SAMPLE_BYTES: counting a multi-gigabyte file line by
# line would delay the first article by seconds for a figure the bar only needs roughly.
EXACT_BYTES = 64 * 1024 * 1024
SAMPLE_BYTES = 8 * 1024 * 1024
_SINGLE = frozenset({"text", "html", "scraped"})
_FEED_ITEMS = (b"<item", b"<entry")


@dataclass(frozen=True)
class RecordCount:
    """``total`` records, ``exact`` unless some file was estimated."""

    total: int
    exact: bool

    def __add__(self, other: RecordCount) -> RecordCount:
        return RecordCount(self.total + other.total, self.exact and other.exact)


def count_records(
    paths: Iterable[str | Path], fmt: str | None = None, follow_links: bool = False
) -> RecordCount | None:
    """The records under ``paths`` as ``sources.read`` would meet them (folders walked the
    same way, skipping what it skips, silently: the reading warns; ``fmt`` overriding
    detection); None when one input is standard input (``-``)."""
    counted = RecordCount(0, True)
    for item in [paths] if isinstance(paths, str | Path) else paths:
        if str(item) == "-":
            return None
        path = Path(item)
        found = walk.files(path, follow_links, lambda _notice: None) if path.is_dir() else [path]
        for file in found:
            counted += _count_file(file, fmt)
    return counted


def _count_file(path: Path, fmt: str | None) -> RecordCount:
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
            if not head.strip():
                return RecordCount(1, True)  # the reader's one "empty file" failure
            chosen = fmt or detect_format(str(path), head)
            if chosen in _SINGLE:
                return RecordCount(1, True)
            stream.seek(0)
            whole_json = chosen == "jsonl" and path.suffix.lower() == ".json"
            if size <= EXACT_BYTES and chosen == "jsonl" and not whole_json:
                # Line by line: memory stays flat however long the lines.
                return RecordCount(max(sum(1 for line in stream if line.strip()), 1), True)
            sample = stream.read(SAMPLE_BYTES)
    except OSError:
        return RecordCount(1, True)  # unreadable: one failure
    found = _records_in(sample, chosen, whole_json)
    if size > len(sample):
        found = round(found * size / len(sample))
    return RecordCount(max(found, 1), False)


def _records_in(data: bytes, fmt: str, whole_json: bool) -> int:
    if fmt == "feed":
        return sum(data.count(mark) for mark in _FEED_ITEMS)
    if whole_json:
        # A JSON array or object of articles: one record per "text" key is close enough.
        return data.count(b'"text"')
    lines = sum(1 for line in data.splitlines() if line.strip())
    # A CSV file's first line is its header.
    return lines - 1 if fmt == "csv" else lines
