"""Tests for eventwire.sources.read: paths, folders, stdin and argument checks."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from eventwire.records import Article, ReadFailure
from eventwire.sources import FORMATS, read


def test_read_formats_tuple() -> None:
    assert FORMATS == ("scraped", "jsonl", "csv", "html", "feed", "text")


def test_read_folder_recursive_sorted_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z title\n\nZ body.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A title\n\nA body.\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "C body."}) + "\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("H\n\nHidden.\n", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("G\n\nGit.\n", encoding="utf-8")
    texts = [r.text for r in read([tmp_path]) if isinstance(r, Article)]
    assert texts == ["\nA body.\n", "\nZ body.\n", "C body."]


def test_read_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (json.dumps({"id": "s1", "text": "From stdin."}) + "\n{broken\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    article, failure = list(read(["-"]))
    assert isinstance(article, Article)
    assert article.origin is not None
    assert (article.id, article.origin.path, article.origin.line) == ("s1", "-", 1)
    assert isinstance(failure, ReadFailure)
    assert str(failure.where) == "-:2"


def test_read_stdin_scraped_over_sniff_window(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "\n\n".join(f"Paragraph number {i} of a long article." for i in range(600))
    data = f"date 2018-09-27\nTitle\n\nLead.\nکد خبر: ۱\n\nTabnak – {body}\n".encode()
    assert len(data) > 8192
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (article,) = list(read(["-"]))
    assert isinstance(article, Article)
    assert article.id == "tabnak-1"
    assert article.text.endswith("Paragraph number 599 of a long article.")


def test_read_missing_path_is_a_failure(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    good = tmp_path / "ok.txt"
    good.write_text("T\n\nBody.\n", encoding="utf-8")
    results = list(read([missing, str(good)]))
    assert isinstance(results[0], ReadFailure)
    assert results[0].where.path == str(missing)
    assert "No such file" in results[0].reason
    assert isinstance(results[1], Article)


def test_read_unknown_format_or_encoding_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        list(read([], fmt="pdf"))
    with pytest.raises(ValueError, match="unknown encoding"):
        list(read([], encoding="klingon-8"))
