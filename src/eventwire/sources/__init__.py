"""Readers that turn input files (scraped pages, JSONL, CSV, HTML, feeds, text) into Articles.

Readers never raise on bad input: each unusable record or file becomes a ``ReadFailure`` naming
where it is, and reading goes on with the next one.
"""

from __future__ import annotations

import codecs
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.config import CALENDARS, DEFAULT_MAX_ARTICLE_BYTES
from eventwire.errors import Where
from eventwire.records import Notice, ReadFailure, ReadResult
from eventwire.sources import walk
from eventwire.sources.csvfile import read_csv
from eventwire.sources.decode import (
    SNIFF_BYTES,
    binary_reason,
    codec_name,
    is_wide,
    peek,
    transcode_to_utf8,
)
from eventwire.sources.detect import FORMATS, detect_format
from eventwire.sources.feed import read_feed
from eventwire.sources.html import read_html
from eventwire.sources.jsonl import CONTAINER_FACTOR, read_jsonl
from eventwire.sources.scraped import read_scraped
from eventwire.sources.text import read_text

__all__ = ["FORMATS", "detect_format", "read", "read_stream"]

Reader = Callable[[BinaryIO, str, str | None, int], Iterator[ReadResult]]

_READERS: dict[str, Reader] = {
    "scraped": read_scraped,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
    "feed": read_feed,
    "text": read_text,
}


def read(
    paths: Iterable[str | Path],
    fmt: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    calendar: str | None = None,
    follow_links: bool = False,
    on_skip: Callable[[Notice], None] | None = None,
) -> Iterator[ReadResult]:
    """Articles and failures from files, folders (walked recursively, sorted) and ``-`` (stdin).

    ``fmt`` (one of FORMATS) overrides detection for every input; ``encoding`` overrides strict
    UTF-8; ``max_bytes`` caps one article (a line, a row or a single-article file); ``calendar``
    ("jalali") reads numeric dates of JSONL and CSV records as solar hijri. Raises ValueError only
    for an unknown ``fmt``, ``encoding`` or ``calendar``.

    In a folder only regular files are read: a named pipe, a socket or a device is skipped (a
    pipe would block the run forever), and so is a symbolic link that leads out of the folder
    given (a link to /etc/passwd is not news) unless ``follow_links``. Each skipped entry is a
    Notice passed to ``on_skip`` (default: logged as a warning). A file named on its own is read
    whatever it is: naming it is the choice. The walk is iterative: no depth of folders
    exhausts the interpreter's stack.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if calendar is not None and calendar not in CALENDARS:
        raise ValueError(f"unknown calendar {calendar!r}; choose from {', '.join(CALENDARS)}")
    if encoding is not None:
        encoding = codec_name(encoding)
    if isinstance(paths, str | Path):
        paths = [paths]
    skip = on_skip or _log_skip
    for item in paths:
        if str(item) == "-":
            yield from read_stream(sys.stdin.buffer, "-", fmt, encoding, max_bytes, calendar)
            continue
        path = Path(item)
        if path.is_dir():
            for file in walk.files(path, follow_links, skip):
                yield from _read_file(
                    file, fmt, encoding, max_bytes, calendar, walked=True, on_skip=skip
                )
        else:
            yield from _read_file(path, fmt, encoding, max_bytes, calendar)


def display_name(path: Path) -> str:
    """``path`` as text that can be printed and stored: a byte that is not UTF-8 (kept by Python
    as a lone surrogate) is written ``\\xff``, so the name still finds the file for a person."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _log_skip(notice: Notice) -> None:
    logging.getLogger("eventwire.sources").warning("%s", notice)


def _read_file(
    path: Path,
    fmt: str | None,
    encoding: str | None,
    max_bytes: int,
    calendar: str | None = None,
    walked: bool = False,
    on_skip: Callable[[Notice], None] = _log_skip,
) -> Iterator[ReadResult]:
    name = display_name(path)
    try:
        # A walked entry may have become a pipe since the walk looked at it: opening without
        # blocking and checking what was opened closes that gap.
        stream = walk.open_regular(path) if walked else path.open("rb")
    except walk.NotRegular as skipped:
        on_skip(Notice(Where(name), str(skipped)))
        return
    except OSError as err:
        yield ReadFailure(Where(name), err.strerror or str(err))
        return
    with stream:
        try:
            yield from read_stream(stream, name, fmt, encoding, max_bytes, calendar)
        except OSError as err:
            yield ReadFailure(Where(name), f"read error: {err.strerror or err}")


def read_stream(
    stream: BinaryIO,
    name: str,
    fmt: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    calendar: str | None = None,
) -> Iterator[ReadResult]:
    """Articles and failures from one binary stream; ``name`` is used in places and detection."""
    head, stream = peek(stream)
    where = Where(name)
    reason = binary_reason(head, encoding)
    if reason is not None:
        yield ReadFailure(where, reason)
        return
    if encoding is not None and is_wide(encoding):
        stream, problem = transcode_to_utf8(stream, encoding, max_bytes * CONTAINER_FACTOR)
        if problem is not None:
            yield ReadFailure(where, problem)
            return
        encoding = None
        head, stream = peek(stream)
    if len(head) < SNIFF_BYTES and not head.removeprefix(codecs.BOM_UTF8).strip():
        yield ReadFailure(where, "empty file")
        return
    chosen = fmt or detect_format(name, head)
    if chosen == "jsonl":
        whole = name.lower().endswith(".json")
        yield from read_jsonl(stream, name, encoding, max_bytes, whole=whole, calendar=calendar)
    elif chosen == "csv":
        yield from read_csv(stream, name, encoding, max_bytes, calendar)
    else:
        yield from _READERS[chosen](stream, name, encoding, max_bytes)
