"""Tests for the plain text reader."""

from __future__ import annotations

from pathlib import Path

from eventwire.clean import content_id
from eventwire.document import Document
from eventwire.records import Article
from eventwire.sources import read


def test_text_title_and_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        "\n\n  Floods hit the north  \nFirst paragraph,\nwrapped.\n\n\nSecond one.\n",
        encoding="utf-8",
    )
    (article,) = list(read([path]))
    assert isinstance(article, Article)
    assert article.title == "Floods hit the north"
    # The text is the file's after the title line, exactly; its wrapped lines are read joined.
    assert article.text == "First paragraph,\nwrapped.\n\n\nSecond one.\n"
    assert article.wrapped
    assert Document(article=article).body == "First paragraph, wrapped.\n\nSecond one."
    assert article.id == content_id("First paragraph, wrapped.\n\nSecond one.")
    assert article.origin is not None
    assert (article.origin.path, article.origin.line) == (str(path), 3)


def test_text_single_line_is_text_with_notice(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Just one sentence here.\n", encoding="utf-8")
    (article,) = list(read([path]))
    assert isinstance(article, Article)
    assert (article.title, article.text) == (None, "Just one sentence here.\n")
    assert article.id == content_id("Just one sentence here.")
    assert "only one line" in str(article.warnings[0])
