"""Bytes to text for the readers: strict UTF-8 or a given codec, size limits, binary detection."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from eventwire.errors import Where
from eventwire.records import ReadFailure

SNIFF_BYTES = 8192
_CHUNK = 1 << 20
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def size_reason(size: int | None, limit: int) -> str:
    """The failure reason for a record or file over the size limit."""
    measured = f"{size / 1e6:.1f} MB" if size is not None else "larger than the limit"
    return (
        f"record is {measured}, over the {limit / 1e6:.1f} MB limit (EVENTWIRE_MAX_ARTICLE_BYTES)"
    )


def codec_name(encoding: str) -> str:
    """The canonical Python name of ``encoding``; ValueError for an unknown codec."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None


def is_wide(encoding: str | None) -> bool:
    """Whether ``encoding`` uses NUL bytes for ASCII text (UTF-16/32), so lines are not bytes."""
    return encoding is not None and codec_name(encoding).startswith(("utf-16", "utf-32"))


def binary_reason(head: bytes, encoding: str | None) -> str | None:
    """Why ``head`` (the first bytes of a file) is not text, or None when it may be."""
    if b"\0" not in head[:SNIFF_BYTES] or is_wide(encoding):
        return None
    if head.startswith(_WIDE_BOMS):
        return "UTF-16/32 text; pass --encoding utf-16 (or utf-32)"
    return "binary file (NUL bytes), not text"


# Short samples leave charset_normalizer with ties between similar codecs; these are the ones
# news files actually come in, most likely first.
_PREFERRED = ("cp1252", "cp1256", "cp1251", "cp1250", "iso8859_15", "latin_1")
# On a tie among Latin single-byte codecs it may name a rare one (cp775, mac_iceland); for the
# English-language news this tool reads, windows-1252 is the likely truth.
_LATIN_FAMILY = ("cp1250", "cp1257", "cp775", "cp85", "mac_", "hp_roman8", "latin_1", "iso8859")


_DECLARED_RE = re.compile(
    rb"""<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']|<meta[^>]*?charset\s*=\s*["']?([\w.:-]+)""",
    re.IGNORECASE,
)


def declared_encoding(head: bytes) -> str | None:
    """The encoding an XML declaration or HTML ``<meta charset>`` in ``head`` names, if known."""
    match = _DECLARED_RE.search(head[:SNIFF_BYTES])
    if match is None:
        return None
    name = (match[1] or match[2]).decode("ascii")
    try:
        return codec_name(name)
    except ValueError:
        return None


def guess_encoding(data: bytes) -> str | None:
    """A likely codec for bytes that are not UTF-8, in the spelling users know (windows-1256)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    lowest = min(match.chaos for match in matches)
    tied = [match.encoding for match in matches if match.chaos <= lowest + 0.01]
    name = next((name for name in _PREFERRED if name in tied), tied[0])
    if name in ("utf_8", "ascii"):
        return None
    if name.startswith(_LATIN_FAMILY) and _decodes(data, "cp1252"):
        name = "cp1252"
    name = name.replace("_", "-")
    return "windows-" + name[2:] if name.startswith("cp125") else name


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, where: Where, encoding: str | None) -> str | ReadFailure:
    """``data`` as text: ``encoding`` when given, else strict UTF-8 (a leading BOM is dropped).

    ``where`` is the place of ``data``'s first byte; an undecodable byte is reported at its own
    line with a guessed encoding to pass instead.
    """
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            return _undecodable(data, err, where, encoding)
        return text.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return _undecodable(data, err, where, None)


def _undecodable(
    data: bytes, err: UnicodeDecodeError, where: Where, encoding: str | None
) -> ReadFailure:
    line = (where.line or 1) + data.count(b"\n", 0, err.start)
    line_start = data.rfind(b"\n", 0, err.start) + 1
    bad = data[err.start : err.start + 1].hex()
    codec = encoding or "UTF-8"
    reason = f"not valid {codec}: byte 0x{bad} at byte offset {err.start - line_start} of the line"
    if encoding is None:
        sample = data[max(0, err.start - 32_768) : err.start + 32_768]
        guess = guess_encoding(sample)
        reason += f"; looks like {guess}; pass --encoding {guess}" if guess else "; pass --encoding"
    return ReadFailure(Where(where.path, line, where.field), reason)


def read_limited(stream: BinaryIO, limit: int) -> tuple[bytes | None, int]:
    """All of ``stream`` when it holds at most ``limit`` bytes, else (None, its size).

    Past the limit the rest is only counted, so a huge input never becomes one giant string.
    """
    data = stream.read(limit + 1)
    if len(data) <= limit:
        return data, len(data)
    return None, len(data) + _skip(stream)


def read_whole(
    stream: BinaryIO, path: str, encoding: str | None, limit: int, *, declared: bool = False
) -> tuple[bytes, str] | ReadFailure:
    """The opening of every reader of whole files: ``stream``'s bytes and their text, or the
    failure (over ``limit`` bytes, measured without decoding; an undecodable byte).

    ``encoding`` is the user's; without it the text is strict UTF-8, or with ``declared`` the
    charset the bytes declare (an HTML ``<meta>``, an XML prolog) when they declare one.
    """
    data, size = read_limited(stream, limit)
    if data is None:
        return ReadFailure(Where(path), size_reason(size, limit))
    if encoding is None and declared:
        encoding = declared_encoding(data)
    text = decode(data, Where(path, 1), encoding)
    return text if isinstance(text, ReadFailure) else (data, text)


def _skip(stream: BinaryIO, until_newline: bool = False) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(_CHUNK) if until_newline else stream.read(_CHUNK)
        skipped += len(chunk)
        if not chunk or (until_newline and chunk.endswith(b"\n")):
            return skipped


@dataclass(frozen=True)
class RawLine:
    """One physical line: its 1-based number, its bytes (None when over the limit) and size."""

    number: int
    data: bytes | None
    size: int


def iter_lines(stream: BinaryIO, limit: int) -> Iterator[RawLine]:
    """The numbered lines of ``stream`` as bytes; a line over ``limit`` is only measured."""
    number = 0
    while True:
        data = stream.readline(limit + 1)
        if not data:
            return
        number += 1
        if len(data) > limit and not data.endswith(b"\n"):
            yield RawLine(number, None, len(data) + _skip(stream, until_newline=True))
        else:
            yield RawLine(number, data, len(data))


class _Chained(io.RawIOBase):
    """A raw stream that replays already-read bytes before the rest of another stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek(stream: BinaryIO, size: int = SNIFF_BYTES) -> tuple[bytes, BinaryIO]:
    """The first ``size`` bytes of ``stream`` and a stream that still starts at the beginning.

    Works on pipes (stdin) as well as files, which cannot all seek back.
    """
    head = b""
    while len(head) < size:
        chunk = stream.read(size - len(head))
        if not chunk:
            break
        head += chunk
    return head, io.BufferedReader(_Chained(head, stream), buffer_size=_CHUNK)


def transcode_to_utf8(stream: BinaryIO, encoding: str, limit: int) -> tuple[BinaryIO, str | None]:
    """A UTF-8 copy of a wide-encoded (UTF-16/32) stream, or an error reason.

    Line-based readers split on the byte ``\\n``, which wide encodings do not have.
    """
    data, size = read_limited(stream, limit)
    if data is None:
        return io.BytesIO(), size_reason(size, limit)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        return io.BytesIO(), f"not valid {encoding} at byte offset {err.start}"
    return io.BytesIO(text.removeprefix("\ufeff").encode("utf-8")), None
