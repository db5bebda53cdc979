"""Reader for CSV files with a header row naming the article fields (``text`` is required)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import BinaryIO

from eventwire.errors import Where
from eventwire.records import ReadFailure, ReadResult
from eventwire.sources.decode import decode, size_reason
from eventwire.sources.fields import article_from_record

_CHUNK = 1 << 16
# The bytes that change the state of a CSV row; every encoding read here keeps ASCII's bytes.
_SPECIAL_RE = re.compile(rb'[",\r\n]')
_QUOTE, _COMMA, _CR, _LF = b'"'[0], b","[0], b"\r"[0], b"\n"[0]


class _State(Enum):
    FIELD_START = 1
    UNQUOTED = 2
    QUOTED = 3
    AFTER_QUOTE = 4  # a quote inside a quoted field: its end, or the first of a doubled quote


@dataclass
class RawRow:
    """One CSV row as bytes (None when over the limit, then only measured) and its first line."""

    number: int
    data: bytes | None
    size: int


class _RowSplitter:
    """Splits a byte stream into CSV rows, following quotes across line breaks and chunks.

    A row ends at a line break (LF, CRLF or a lone CR) outside quotes, so a row over the limit
    is skipped up to its real end: a line inside its quoted field is never read as a row.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.state = _State.FIELD_START
        self.line = 1
        self.start = 1
        self.parts: list[bytes] = []
        self.size = 0
        self.offset = 0  # of the current chunk in the stream
        self.quote_at = -1  # where the last quote inside a quoted field was
        self.lf_after_cr_at = -1  # where an LF would make a CRLF with the CR before it
        self.cr_ended_row = False

    def add(self, piece: bytes) -> None:
        self.size += len(piece)
        if self.size > self.limit:
            self.parts.clear()
        elif piece:
            self.parts.append(piece)

    def take(self) -> RawRow:
        data = None if self.size > self.limit else b"".join(self.parts)
        row = RawRow(self.start, data, self.size)
        self.parts, self.size, self.state = [], 0, _State.FIELD_START
        return row

    def rows_in(self, chunk: bytes) -> Iterator[RawRow]:
        kept = 0  # chunk[kept:] is not yet in a row
        for match in _SPECIAL_RE.finditer(chunk):
            index = match.start()
            at = self.offset + index
            byte = chunk[index]
            if self.state is _State.AFTER_QUOTE:
                doubled = byte == _QUOTE and at == self.quote_at + 1
                self.state = _State.QUOTED if doubled else _State.UNQUOTED
                if doubled:
                    continue
            if byte == _QUOTE:
                if self.state is _State.FIELD_START:
                    self.state = _State.QUOTED
                elif self.state is _State.QUOTED:
                    self.state, self.quote_at = _State.AFTER_QUOTE, at
            elif byte == _COMMA:
                if self.state is not _State.QUOTED:
                    self.state = _State.FIELD_START
            elif byte == _LF and at == self.lf_after_cr_at:
                if self.cr_ended_row:  # the LF of a CRLF that ended the row: not the next row's
                    kept = index + 1
            else:
                if byte == _CR:
                    self.lf_after_cr_at = at + 1
                self.line += 1
                if self.state is not _State.QUOTED:
                    self.cr_ended_row = byte == _CR
                    self.add(chunk[kept:index])
                    kept = index + 1
                    yield self.take()
                    self.start = self.line
                elif byte == _CR:
                    self.cr_ended_row = False
        self.add(chunk[kept:])
        self.offset += len(chunk)

    def rows(self, stream: BinaryIO) -> Iterator[RawRow]:
        while chunk := stream.read(_CHUNK):
            yield from self.rows_in(chunk)
        if self.size or self.parts:
            yield self.take()


def read_csv(
    stream: BinaryIO, path: str, encoding: str | None, max_bytes: int, calendar: str | None = None
) -> Iterator[ReadResult]:
    """One article per CSV row; line numbers are the physical line where the row starts.

    A row over ``max_bytes`` fails alone and reading goes on after its end (its quoted fields
    included); LF, CRLF and CR-only line endings are read.
    """
    # The limit is process-wide; only ever raise it, so other readers keep working.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    header: list[str] | None = None
    for raw in _RowSplitter(max_bytes).rows(stream):
        where = Where(path, raw.number)
        if raw.data is None:
            yield ReadFailure(where, size_reason(raw.size, max_bytes))
            continue
        text = decode(raw.data, where, encoding)
        if isinstance(text, ReadFailure):
            yield text
            continue
        try:
            row = next(csv.reader([text], strict=True), [])
        except csv.Error as err:
            yield ReadFailure(where, f"bad CSV: {err}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [name.strip().lower().removeprefix("\ufeff") for name in row]
            if "text" not in header:
                yield ReadFailure(where, f"CSV header has no 'text' column: {', '.join(header)}")
                return
        elif len(row) != len(header):
            yield ReadFailure(where, f"row has {len(row)} fields, the header has {len(header)}")
        else:
            yield article_from_record(dict(zip(header, row, strict=True)), where, calendar)
    if header is None:
        yield ReadFailure(Where(path), "empty file")
