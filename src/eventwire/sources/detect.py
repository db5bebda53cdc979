"""Which reader a file needs: by extension, else by sniffing its first bytes."""

from __future__ import annotations

import csv
import re
from pathlib import PurePath

from eventwire.clean import clean_text
from eventwire.config import INPUT_FORMATS

FORMATS = INPUT_FORMATS

_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_SCRAPED_HEADER_RE = re.compile(r"date\s+\d{4}-\d{2}-\d{2}\b")
_SCRAPED_LABELS = ("کد خبر", "تاریخ انتشار")
_FEED_ROOTS = ("<rss", "<feed", "<rdf:rdf")
_HTML_MARKS = ("<!doctype html", "<html", "<head", "<body")
_COLUMN_RE = re.compile(r"[\w -]{1,40}")


def detect_format(name: str, head: bytes) -> str:
    """The format of a file from its name's extension, else from ``head`` (its first bytes)."""
    by_extension = _EXTENSIONS.get(PurePath(name).suffix.lower())
    return by_extension or sniff_format(head)


def sniff_format(head: bytes) -> str:
    """The format that the first bytes of an input look like; ``text`` when nothing else fits."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    lowered = text[:2048].lower()
    if text.startswith(("{", "[")):
        return "jsonl"
    if lowered.startswith("<?xml"):
        return "html" if "<html" in lowered and not _has_any(lowered, _FEED_ROOTS) else "feed"
    if lowered.startswith(_FEED_ROOTS):
        return "feed"
    if lowered.startswith("<") and _has_any(lowered, _HTML_MARKS):
        return "html"
    lines = [line for line in clean_text(text[:4096]).split("\n") if line][:20]
    if lines and (
        _SCRAPED_HEADER_RE.match(lines[0])
        or any(line.startswith(_SCRAPED_LABELS) for line in lines)
    ):
        return "scraped"
    if lines and _is_csv_header(lines[0]):
        return "csv"
    return "text"


def _has_any(text: str, marks: tuple[str, ...]) -> bool:
    return any(mark in text for mark in marks)


def _is_csv_header(line: str) -> bool:
    names = next(csv.reader([line]), [])
    return (
        len(names) >= 2
        and "text" in (name.strip().lower() for name in names)
        and all(_COLUMN_RE.fullmatch(name.strip()) for name in names)
    )
