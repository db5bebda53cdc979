"""Reader for plain text files: the first non-empty line is the title, the rest the article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from eventwire.clean import clean_text, content_id, split_paragraphs
from eventwire.errors import Where
from eventwire.records import Article, Notice, ReadFailure, ReadResult
from eventwire.sources.decode import decode, read_limited, size_reason


def read_text(
    stream: BinaryIO, path: str, encoding: str | None, max_bytes: int
) -> Iterator[ReadResult]:
    """The single article of a plain text file."""
    data, size = read_limited(stream, max_bytes)
    if data is None:
        yield ReadFailure(Where(path), size_reason(size, max_bytes))
        return
    text = decode(data, Where(path, 1), encoding)
    yield text if isinstance(text, ReadFailure) else parse_text(text, path)


def parse_text(text: str, path: str) -> ReadResult:
    """One Article: title from the first non-empty line, text from the paragraphs after it."""
    lines = clean_text(text).split("\n")
    raw_lines = text.replace("\r\n", "\n").split("\n")
    title_line = next((n for n, line in enumerate(raw_lines, start=1) if line.strip()), 1)
    title, body = lines[0], "\n".join(lines[1:])
    paragraphs = split_paragraphs(body)
    warnings: list[Notice] = []
    if not paragraphs:
        if not title:
            return ReadFailure(Where(path), "empty file")
        warnings.append(Notice(Where(path, title_line, "title"), "only one line; read as text"))
        paragraphs, title = [title], ""
    article_text = "\n\n".join(paragraphs)
    return Article(
        id=content_id(article_text),
        text=article_text,
        title=title or None,
        origin=Where(path, title_line),
        warnings=warnings,
    )
