"""Tests for the RSS/Atom feed reader."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from eventwire.records import Article, ReadFailure
from eventwire.sources import read

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_feed_rss2_entries() -> None:
    path = FIXTURES / "feed-rss2.xml"
    first, second = list(read([path]))
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert first.id == "example-wire-20201102-001"
    assert first.source == "Example Wire – World"
    assert first.title == "Parliament approves new cabinet after week of debate"
    assert first.published == datetime.fromisoformat("2020-11-02T14:05:00+01:00")
    assert first.text == (
        "Lawmakers approved the prime minister's new cabinet on Monday after a week of heated "
        "debate, ending a political crisis that began in September.\n\n"
        "The vote was 186 to 142. Opposition parties said they would challenge two of the "
        "appointments in court."
    )
    assert first.tags == ["politics"]
    assert first.language == "en"
    assert first.meta == {"author": "Wire staff"}
    # No guid: the link is the id; no content: the (HTML) summary is the text.
    assert second.id == "https://wire.example.net/world/2020/11/03/fuel-protest"
    assert second.text.startswith("Several hundred protesters gathered")
    assert "<p>" not in second.text
    assert second.published == datetime.fromisoformat("2020-11-03T08:00:00+00:00")
    assert [(a.origin.path, a.origin.line) for a in (first, second) if a.origin] == [
        (str(path), 9),
        (str(path), 22),
    ]


def test_feed_atom_entries() -> None:
    path = FIXTURES / "feed-atom.xml"
    first, second = list(read([path]))
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert first.id == "tag:monitor.example.com,2019:article-4411"
    assert first.source == "Example Monitor"
    assert first.url == "https://monitor.example.com/2019/06/12/ministers-kabul"
    assert first.published == datetime.fromisoformat("2019-06-12T16:00:00+04:30")
    assert first.text.count("\n\n") == 1
    assert second.published == datetime.fromisoformat("2019-06-13T09:15:00+00:00")
    assert second.text.startswith("The election commission announced the final results")
    assert [a.origin.line for a in (first, second) if a.origin] == [7, 18]


def test_feed_broken_without_entries_fails(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text('<?xml version="1.0"?>\n<rss><channel><title>T</title', encoding="utf-8")
    (failure,) = list(read([path]))
    assert isinstance(failure, ReadFailure)
    assert failure.where.path == str(path)
    assert failure.reason.startswith("not a readable feed: ")


def test_feed_entry_without_content_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title>\n'
        "<item><title>Empty</title><guid>e1</guid></item>\n"
        "<item><title>Full</title><guid>e2</guid><description>Body text.</description></item>\n"
        "</channel></rss>\n",
        encoding="utf-8",
    )
    failure, article = list(read([path]))
    assert str(failure) == f"{path}:3: feed entry has no content or summary"
    assert isinstance(article, Article)
    assert article.id == "e2"
    assert article.origin is not None
    assert article.origin.line == 4
    assert [n.where.field for n in article.warnings] == ["published"]


def test_feed_declared_encoding_is_used(tmp_path: Path) -> None:
    path = tmp_path / "latin.xml"
    path.write_bytes(
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel>'
        "<title>Le Monde exemple</title><item><guid>f1</guid>"
        "<description>Le président a parlé à Genève.</description></item></channel></rss>\n".encode(
            "latin-1"
        )
    )
    (article,) = list(read([path]))
    assert isinstance(article, Article)
    assert article.text == "Le président a parlé à Genève."


def test_feed_content_naming_a_file_is_not_opened(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text(
        '<rss version="2.0"><channel><item><description>Leaked.</description></item>'
        "</channel></rss>",
        encoding="utf-8",
    )
    path = tmp_path / "feed.xml"
    path.write_text(str(secret), encoding="utf-8")
    (failure,) = list(read([path]))
    assert isinstance(failure, ReadFailure)
