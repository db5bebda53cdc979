"""Reader for plain text files: the first non-empty line is the title, the rest the article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.clean import clean_text, content_id, split_paragraphs, storable
from eventwire.errors import Where
from eventwire.records import Article, Notice, ReadFailure, ReadResult
from eventwire.sources.decode import read_whole


def read_text(
    stream: BinaryIO, path: str, encoding: str | None, max_bytes: int
) -> Iterator[ReadResult]:
    """The single article of a plain text file."""
    read = read_whole(stream, path, encoding, max_bytes)
    yield read if isinstance(read, ReadFailure) else parse_text(read[1], path)


# Line breaks as clean_text reads them.
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


def parse_text(text: str, path: str) -> ReadResult:
    """One Article: title from the first non-empty line, text from what follows it as given.

    A plain text file's lines are wrapped to a width, so the article is ``wrapped``: its single
    line breaks are read as spaces. The id is the content id of the paragraphs after the title.
    """
    text = storable(text)
    lines = clean_text(text).split("\n")
    title, body = lines[0], "\n".join(lines[1:])
    paragraphs = split_paragraphs(body)
    title_line, after_title = _title_line(text)
    article_text = text[after_title:]
    warnings: list[Notice] = []
    if not paragraphs:
        if not title:
            return ReadFailure(Where(path), "empty file")
        warnings.append(Notice(Where(path, title_line, "title"), "only one line; read as text"))
        paragraphs, title, article_text = [title], "", text
    return Article(
        id=content_id("\n\n".join(paragraphs)),
        text=article_text,
        title=title or None,
        origin=Where(path, title_line),
        warnings=warnings,
        wrapped=True,
    )


def _title_line(text: str) -> tuple[int, int]:
    """The number of the first line with visible text, and where the line after it starts."""
    number, start = 1, 0
    for line_break in _LINE_BREAK_RE.finditer(text):
        if clean_text(text[start : line_break.start()]):
            return number, line_break.end()
        number, start = number + 1, line_break.end()
    return number, len(text)
