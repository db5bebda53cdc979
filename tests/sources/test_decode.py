"""Tests for malformed inputs: wrong encodings, empty and binary files, oversized records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.records import Article, ReadFailure, ReadResult
from eventwire.sources import FORMATS, read

# Written with Arabic yeh (U+064A), as windows-1256 has no Persian yeh.
PERSIAN_TEXT = (
    "رئيس جمهور امروز در تهران با وزير خارجه روسيه ديدار کرد و درباره همکاري منطقه گفتگو شد."
)
WESTERN_TEXT = "The minister’s “final” offer was rejected – officials said the café would close."
PNG_HEAD = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
)


def _jsonl(text: str, encoding: str) -> bytes:
    good = json.dumps({"id": "ok", "text": "Plain text."}).encode()
    bad = json.dumps({"id": "bad", "text": text}, ensure_ascii=False).encode(encoding)
    return good + b"\n" + bad + b"\n" + good.replace(b'"ok"', b'"ok2"') + b"\n"


def _failures(results: list[ReadResult]) -> list[ReadFailure]:
    return [r for r in results if isinstance(r, ReadFailure)]


@pytest.mark.parametrize(
    ("text", "encoding", "hint"),
    [(PERSIAN_TEXT, "cp1256", "windows-1256"), (WESTERN_TEXT, "cp1252", "windows-1252")],
)
def test_decode_jsonl_line_in_other_encoding_fails_alone_with_hint(
    tmp_path: Path, text: str, encoding: str, hint: str
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(_jsonl(text, encoding))
    results = list(read([path]))
    assert [type(r) for r in results] == [Article, ReadFailure, Article]
    failure = results[1]
    assert isinstance(failure, ReadFailure)
    assert str(failure.where) == f"{path}:2"
    assert "not valid UTF-8" in failure.reason
    assert "byte offset" in failure.reason
    assert f"looks like {hint}; pass --encoding {hint}" in failure.reason


@pytest.mark.parametrize(
    ("text", "encoding", "hint"),
    [(PERSIAN_TEXT, "cp1256", "windows-1256"), (WESTERN_TEXT, "cp1252", "windows-1252")],
)
def test_decode_whole_file_in_other_encoding(
    tmp_path: Path, text: str, encoding: str, hint: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(f"A title\n\nFirst line is fine.\n\n{text}\n".encode(encoding))
    failure = next(read([path]))
    assert isinstance(failure, ReadFailure)
    assert str(failure.where) == f"{path}:5"
    assert f"pass --encoding {hint}" in failure.reason
    article = next(read([path], encoding=hint))
    assert isinstance(article, Article)
    assert text in article.text


def test_decode_given_encoding_reads_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "fa.jsonl"
    path.write_bytes(_jsonl(PERSIAN_TEXT, "cp1256"))
    results = list(read([path], encoding="windows-1256"))
    assert all(isinstance(r, Article) for r in results)
    assert results[1].text == PERSIAN_TEXT  # type: ignore[union-attr]


def test_decode_given_wrong_encoding_names_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Title\n\n\u00e9\u4e2d".encode("utf-8") + b"\xff\xfe")
    failure = next(read([path], encoding="ascii", fmt="text"))
    assert isinstance(failure, ReadFailure)
    assert "not valid ascii" in failure.reason


def test_decode_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "With BOM."}).encode() + b"\n")
    article = next(read([path]))
    assert isinstance(article, Article)
    assert article.text == "With BOM."


def test_decode_utf16_file_with_hint_and_with_encoding(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Title\n\nSome text in UTF-16.\n".encode("utf-16"))
    failure = next(read([path]))
    assert isinstance(failure, ReadFailure)
    assert "pass --encoding utf-16" in failure.reason
    article = next(read([path], encoding="utf-16"))
    assert isinstance(article, Article)
    # The text is the file's after the title line, as decoded (the blank line included).
    assert (article.title, article.text) == ("Title", "\nSome text in UTF-16.\n")


@pytest.mark.parametrize("fmt", [None, *FORMATS])
@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"\xef\xbb\xbf\n"])
def test_decode_empty_file(tmp_path: Path, fmt: str | None, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert [str(r) for r in read([path], fmt=fmt)] == [f"{path}: empty file"]


@pytest.mark.parametrize("fmt", [None, *FORMATS])
def test_decode_binary_file(tmp_path: Path, fmt: str | None) -> None:
    path = tmp_path / "image.jsonl"
    path.write_bytes(PNG_HEAD + b"\x00" * 64 + b"rest")
    assert [str(r) for r in read([path], fmt=fmt)] == [f"{path}: binary file (NUL bytes), not text"]


def test_decode_huge_jsonl_line_fails_and_later_lines_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    huge = json.dumps({"id": "huge", "text": "x" * 20_000_000})
    first = json.dumps({"id": "first", "text": "Small."})
    last = json.dumps({"id": "last", "text": "Also small."})
    path.write_text(f"{first}\n{huge}\n{last}\n", encoding="utf-8")
    results = list(read([path]))
    assert [type(r) for r in results] == [Article, ReadFailure, Article]
    assert str(results[1]) == (
        f"{path}:2: record is 20.0 MB, over the 2.0 MB limit (EVENTWIRE_MAX_ARTICLE_BYTES)"
    )
    assert results[2].id == "last"  # type: ignore[union-attr]


def test_decode_huge_single_article_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Title\n\n" + b"word " * 600_000)
    failure = next(read([path], max_bytes=1_000_000))
    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith("record is 3.0 MB, over the 1.0 MB limit")


def test_decode_huge_csv_row(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = ["id,text", "a,Small one.", 'b,"' + "y" * 3_000 + '"', "c,Small two."]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    results = list(read([path], max_bytes=1_000))
    assert [type(r) for r in results] == [Article, ReadFailure, Article]
    assert str(results[1]).startswith(f"{path}:3: record is 0.0 MB, over the 0.0 MB limit")
