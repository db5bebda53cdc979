"""Tests for format detection by extension and by content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventwire.records import Article
from eventwire.sources import read
from eventwire.sources.detect import detect_format, sniff_format

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("wikinews-3.jsonl", "jsonl"),
        ("articles.csv", "csv"),
        ("article.html", "html"),
        ("feed-rss2.xml", "feed"),
        ("feed-atom.xml", "feed"),
    ],
)
def test_detect_fixture_from_content_without_extension(
    tmp_path: Path, fixture: str, expected: str
) -> None:
    head = (FIXTURES / fixture).read_bytes()[:8192]
    assert sniff_format(head) == expected
    assert detect_format("upload", head) == expected
    copy = tmp_path / "upload"
    shutil.copyfile(FIXTURES / fixture, copy)
    assert all(isinstance(result, Article) for result in read([copy]))


def test_detect_scraped_from_content(shared: Path) -> None:
    head = (shared / "data" / "seed" / "tabnak-837703.txt").read_bytes()[:8192]
    assert detect_format("tabnak-837703.txt", head) == "scraped"
    assert detect_format("noext", head) == "scraped"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("date 2018-09-27 نسخه اصلی\nTitle\n", "scraped"),
        ("Title\n\nLead\nکد خبر: ۱۲۳\n", "scraped"),
        ('\ufeff  {"text": "x"}\n', "jsonl"),
        ('[{"text": "x"}]', "jsonl"),
        ("<?xml version='1.0'?>\n<rss version='2.0'>", "feed"),
        ("<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("<?xml version='1.0'?>\n<rdf:RDF>", "feed"),
        ("<!DOCTYPE html>\n<html><body>", "html"),
        ("<html lang='en'>", "html"),
        ("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
        ("id,title,text,published\n1,a,b,c\n", "csv"),
        ("Text;Title\n", "text"),
        ("A title\n\nSome text, with commas, in it.\n", "text"),
        ("Talks in Geneva, text of the deal\n", "text"),
    ],
)
def test_detect_sniff_format(head: str, expected: str) -> None:
    assert sniff_format(head.encode("utf-8")) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.jsonl", "jsonl"),
        ("a.NDJSON", "jsonl"),
        ("a.json", "jsonl"),
        ("a.csv", "csv"),
        ("a.htm", "html"),
        ("a.rss", "feed"),
        ("a.atom", "feed"),
        ("a.xml", "feed"),
    ],
)
def test_detect_by_extension_wins_over_content(name: str, expected: str) -> None:
    assert detect_format(name, b"plain words") == expected


def test_detect_format_argument_overrides(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Headline\n\nBody, with a comma.\n", encoding="utf-8")
    (article,) = list(read([path], fmt="text"))
    assert isinstance(article, Article)
    assert article.title == "Headline"
