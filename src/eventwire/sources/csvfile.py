"""Reader for CSV files with a header row naming the article fields (``text`` is required)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import Where
from eventwire.records import ReadFailure, ReadResult
from eventwire.sources.decode import decode, iter_lines, size_reason
from eventwire.sources.fields import article_from_record


class _LineFeed:
    """Feeds decoded physical lines to ``csv.reader`` and remembers where each record began.

    Lines that cannot be decoded or are over the limit become failures instead of input, so one bad
    line does not stop the file.
    """

    def __init__(self, stream: BinaryIO, path: str, encoding: str | None, max_bytes: int) -> None:
        self._lines = iter_lines(stream, max_bytes)
        self._path = path
        self._encoding = encoding
        self._max_bytes = max_bytes
        self.failures: list[ReadFailure] = []
        self.record_start: int | None = None
        self.record_bytes = 0

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        for raw in self._lines:
            where = Where(self._path, raw.number)
            if raw.data is None:
                self.failures.append(ReadFailure(where, size_reason(raw.size, self._max_bytes)))
                continue
            text = decode(raw.data, where, self._encoding)
            if isinstance(text, ReadFailure):
                self.failures.append(text)
                continue
            if self.record_start is None:
                self.record_start = raw.number
            self.record_bytes += raw.size
            return text
        raise StopIteration

    def next_record(self) -> None:
        self.record_start = None
        self.record_bytes = 0


def read_csv(
    stream: BinaryIO, path: str, encoding: str | None, max_bytes: int, calendar: str | None = None
) -> Iterator[ReadResult]:
    """One article per CSV row; line numbers are the physical line where the row starts."""
    # The limit is process-wide; only ever raise it, so other readers keep working.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    feed = _LineFeed(stream, path, encoding, max_bytes)
    rows = csv.reader(feed, strict=True)
    header: list[str] | None = None
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as err:
            yield from _drain(feed)
            yield ReadFailure(Where(path, feed.record_start), f"bad CSV: {err}")
            feed.next_record()
            continue
        yield from _drain(feed)
        where = Where(path, feed.record_start)
        size = feed.record_bytes
        feed.next_record()
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [name.strip().lower().removeprefix("\ufeff") for name in row]
            if "text" not in header:
                yield ReadFailure(where, f"CSV header has no 'text' column: {', '.join(header)}")
                return
            continue
        if size > max_bytes:
            yield ReadFailure(where, size_reason(size, max_bytes))
        elif len(row) != len(header):
            yield ReadFailure(where, f"row has {len(row)} fields, the header has {len(header)}")
        else:
            yield article_from_record(dict(zip(header, row, strict=True)), where, calendar)
    yield from _drain(feed)
    if header is None:
        yield ReadFailure(Where(path), "empty file")


def _drain(feed: _LineFeed) -> Iterator[ReadFailure]:
    yield from feed.failures
    feed.failures.clear()
