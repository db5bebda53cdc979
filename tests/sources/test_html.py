"""Tests for the HTML page reader (trafilatura extraction)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from eventwire.clean import content_id
from eventwire.records import Article, ReadFailure
from eventwire.sources import read

FIXTURES = Path(__file__).parents[1] / "fixtures"
CANONICAL = "https://news.example.org/world/2021/03/04/border-talks-resume"


def test_html_fixture_article() -> None:
    path = FIXTURES / "article.html"
    (article,) = list(read([path]))
    assert isinstance(article, Article)
    assert article.id == f"url:{CANONICAL}"
    assert article.url == CANONICAL
    assert article.title == "Border talks resume in Herat after two-month pause"
    assert article.source == "Example Daily"
    assert article.published == datetime.fromisoformat("2021-03-04T09:30:00+03:30")
    assert article.language == "en"
    assert article.meta["author"] == "Mina Karimi"
    assert article.text.startswith("Delegations from Iran and Afghanistan met in Herat")
    assert "as much as a third." in article.text
    for boilerplate in ("Privacy", "All rights reserved", "Related", "Politics", "dataLayer"):
        assert boilerplate not in article.text
    assert article.text.count("\n\n") >= 3
    assert article.origin is not None
    assert article.origin.path == str(path)


def test_html_without_canonical_url_uses_content_id(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Quiet day</title></head><body><article>"
        "<p>Nothing much happened in the capital on Sunday, according to the city council, "
        "which published its weekly report on the state of the roads and the markets.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (article,) = list(read([path]))
    assert isinstance(article, Article)
    assert article.id == content_id(article.text)
    assert article.published is None
    assert [n.where.field for n in article.warnings] == ["published"]


def test_html_without_text_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    assert [str(r) for r in read([path])] == [f"{path}:1: no article text found in the HTML page"]
    assert isinstance(next(read([path])), ReadFailure)


def test_html_meta_charset_is_used(tmp_path: Path) -> None:
    path = tmp_path / "fa.html"
    body = "Ministers met in Tehran on Sunday to discuss regional security. " * 4
    page = (
        '<html><head><meta charset="windows-1256"><title>خبر</title></head><body><article>'
        f"<p>{body} (تهران)</p></article></body></html>"
    )
    path.write_bytes(page.encode("cp1256"))
    (article,) = list(read([path]))
    assert isinstance(article, Article)
    assert "(تهران)" in article.text
