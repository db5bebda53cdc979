"""Reader for JSON Lines (one article object per line) and JSON files holding an array of them."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import Where
from eventwire.records import ReadFailure, ReadResult
from eventwire.sources.decode import decode, iter_lines, peek, read_whole, size_reason
from eventwire.sources.fields import article_from_record

# A JSON array holds many articles, so the whole file may be this many times one article's limit.
CONTAINER_FACTOR = 50
_WHITESPACE = " \t\r\n"
# Python's JSON decoder recurses once per nesting level; no article is nested this deep.
TOO_DEEP = "invalid JSON: nested too deeply (about 1,000 levels is the most read)"
# Python refuses to convert integers this long (quadratic cost); JSON allows them.
TOO_LONG_NUMBER = f"invalid JSON: an integer over {sys.get_int_max_str_digits():,} digits long"


def read_jsonl(
    stream: BinaryIO,
    path: str,
    encoding: str | None,
    max_bytes: int,
    whole: bool = False,
    calendar: str | None = None,
) -> Iterator[ReadResult]:
    """Articles from JSON Lines, or from one JSON array/object when the file is one document.

    ``whole`` (for ``.json`` files) first tries the file as a single JSON document; a file that
    starts with ``[`` is always read that way. Each line is decoded and checked on its own, so one
    bad line fails alone.
    """
    head, stream = peek(stream, 256)
    if whole or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        read = read_whole(stream, path, encoding, max_bytes * CONTAINER_FACTOR)
        if isinstance(read, ReadFailure):
            yield read
            return
        data, text = read
        if _is_one_document(text):
            yield from _read_document(text, path, max_bytes, calendar)
            return
        stream = io.BytesIO(data)
    yield from _read_lines(stream, path, encoding, max_bytes, calendar)


def _is_one_document(text: str) -> bool:
    """Whether ``text`` is (or is a broken) single JSON document rather than JSON Lines."""
    try:
        json.loads(text)
    except (RecursionError, ValueError) as err:
        if isinstance(err, json.JSONDecodeError) and err.msg == "Extra data":
            return False  # a second value after the first: JSON Lines
        # Any other error in an array is a broken array, reported at its place by the document
        # reader; but a line of brackets followed by records is JSON Lines with one bad line,
        # read line by line so the records after it are not lost.
        stripped = text.strip(_WHITESPACE)
        return stripped.startswith("[") and not (_is_jsonl_tail(stripped))
    return True


def _is_jsonl_tail(text: str) -> bool:
    """Whether a line after the first of ``text`` is a JSON object on a line of its own."""
    for line in text.split("\n")[1:]:
        line = line.strip(_WHITESPACE)
        if line.startswith("{") and line.endswith("}"):
            try:
                return isinstance(json.loads(line), dict)
            except (RecursionError, ValueError):
                continue
    return False


def _read_lines(
    stream: BinaryIO, path: str, encoding: str | None, max_bytes: int, calendar: str | None
) -> Iterator[ReadResult]:
    for raw in iter_lines(stream, max_bytes):
        where = Where(path, raw.number)
        if raw.data is None:
            yield ReadFailure(where, size_reason(raw.size, max_bytes))
            continue
        line = decode(raw.data, where, encoding)
        if isinstance(line, ReadFailure):
            yield line
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield ReadFailure(where, _invalid(err))
            continue
        except RecursionError:
            yield ReadFailure(where, TOO_DEEP)
            continue
        except ValueError:
            yield ReadFailure(where, TOO_LONG_NUMBER)
            continue
        yield article_from_record(record, where, calendar)


def _invalid(err: json.JSONDecodeError) -> str:
    # Some messages end in "at" already ("Invalid control character at").
    return f"invalid JSON: {err.msg.removesuffix(' at')} at column {err.colno}"


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WHITESPACE:
        index += 1
    return index


def _read_document(
    text: str, path: str, max_bytes: int, calendar: str | None
) -> Iterator[ReadResult]:
    """Each element of a top-level array (or the single top-level object), with its line."""
    decoder = json.JSONDecoder()
    index = _skip_space(text, 0)
    line, counted = 1, 0
    in_array = text.startswith("[", index)
    if in_array:
        index = _skip_space(text, index + 1)
    while index < len(text):
        line += text.count("\n", counted, index)
        counted = index
        if in_array and text.startswith("]", index):
            return
        try:
            record, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as err:
            yield ReadFailure(Where(path, err.lineno), _invalid(err))
            return
        except RecursionError:
            yield ReadFailure(Where(path, line), TOO_DEEP)
            return
        except ValueError:
            yield ReadFailure(Where(path, line), TOO_LONG_NUMBER)
            return
        where = Where(path, line)
        size = len(text[index:end].encode("utf-8"))
        if size > max_bytes:
            yield ReadFailure(where, size_reason(size, max_bytes))
        else:
            yield article_from_record(record, where, calendar)
        if not in_array:
            return
        index = _skip_space(text, end)
        if text.startswith(",", index):
            index = _skip_space(text, index + 1)
        elif not text.startswith("]", index):
            line += text.count("\n", counted, index)
            yield ReadFailure(Where(path, line), "invalid JSON: expected ',' or ']' in the array")
            return
    if in_array:
        yield ReadFailure(
            Where(path, line + text.count("\n", counted)), "invalid JSON: unclosed array"
        )
