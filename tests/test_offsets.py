"""The offsets contract: sentences, mentions and events index the article's text as given.

``text[start:end] == mention.text`` for every mention and ``text[sentence] == event.text`` for
every event, on the Wikinews sample, the seed and the hostile corpus, through every way out:
``eventwire code``, the store, the JSON API and the exports.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Table, select
from tests.conftest import REPO, SAMPLES, SEED
from typer.testing import CliRunner

from eventwire.clean import clean_text
from eventwire.cli import app
from eventwire.ingest import ingest, reprocess
from eventwire.records import Article
from eventwire.sources import read
from eventwire.store import EventFilter, Store, open_store
from eventwire.store.models import SentenceRow

pytestmark = pytest.mark.slow

WIKINEWS = SAMPLES / "wikinews" / "articles.jsonl"
HOSTILE = REPO / "tests" / "fixtures" / "hostile"
CORPUS = [WIKINEWS, SEED, *(p for p in sorted(HOSTILE.iterdir()) if p.name != "README.md")]
_sentences = cast(Table, SentenceRow.__table__)


def _sentence_rows(store: Store, article_id: str) -> list[tuple[int, int, int, str]]:
    c = _sentences.c
    stmt = select(c.idx, c.start, c.end, c.text).where(c.article_id == article_id).order_by(c.idx)
    with store.engine.connect() as conn:
        return [(int(i), int(a), int(b), str(t)) for i, a, b, t in conn.execute(stmt)]


def _coded(store: Store, article_id: str) -> dict[str, Any]:
    """What the store holds of one article's coding, offsets and texts included."""
    return {
        "sentences": _sentence_rows(store, article_id),
        "mentions": sorted(
            (a.code, a.name, m.start, m.end, m.text)
            for a in store.get_actors(article_id)
            for m in a.mentions
        ),
        "events": sorted(
            (e.event_id, e.sentence, e.span, e.text)
            for e in store.iter_events(EventFilter(doc_id=article_id))
        ),
    }


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The Wikinews sample, the seed and the hostile corpus's articles, ingested once (~40 s)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('offsets') / 'corpus.db'}"
    with open_store(url) as store:
        ingest(CORPUS, store)
    return url


def test_offsets_of_every_mention_and_event_index_the_stored_text(corpus_db: str) -> None:
    expected = {r.id for r in read(CORPUS) if isinstance(r, Article)}
    mentions = events = 0
    with open_store(corpus_db) as store:
        articles = list(store.iter_articles())
        assert {a.id for a in articles} == expected  # every article coded and stored
        for article in articles:
            text = article.text
            sentences = _sentence_rows(store, article.id)
            assert [i for i, _, _, _ in sentences] == list(range(len(sentences)))
            for _, start, end, sentence in sentences:
                assert text[start:end] == sentence
            for actor in store.get_actors(article.id):
                for mention in actor.mentions:
                    assert text[mention.start : mention.end] == mention.text, article.id
                    mentions += 1
            for event in store.iter_events(EventFilter(doc_id=article.id)):
                _, start, end, sentence = sentences[event.sentence]
                assert event.text == sentence == text[start:end]
                assert start <= event.span[0] < event.span[1] <= end
                events += 1
    unclean = [a for a in articles if clean_text(a.text) != a.text]
    # The property is tested where it is not trivial: 22 Wikinews texts are not normalised
    # (double spaces, a zero-width joiner...), and the hostile ones are full of such things.
    assert sum(a.id.startswith("wikinews") for a in unclean) == 22
    assert {"h-nul", "h-zw", "h-rtl"} <= {a.id for a in unclean}
    assert mentions > 10_000
    assert events > 250


def test_reprocess_from_the_stored_text_gives_the_same_offsets(corpus_db: str) -> None:
    with open_store(corpus_db) as store:
        ids = [a.id for a in store.iter_articles() if clean_text(a.text) != a.text]
        ids.append("tabnak-837703")
        before = {i: _coded(store, i) for i in ids}
        summary = reprocess(ids, store)
        assert summary.recoded == len(ids), summary.failures
        assert {i: _coded(store, i) for i in ids} == before


def test_seed_page_shows_its_lead_once_as_the_first_paragraph(corpus_db: str) -> None:
    from eventwire.web import create_app

    with (
        open_store(corpus_db) as store,
        TestClient(create_app(store), base_url="http://127.0.0.1") as client,
    ):
        page = client.get("/articles/tabnak-837703").text
    # (Actor names are marked inside the sentence; these words are plain text.)
    assert page.count("Facing increasing pressures by") == 1
    assert 'id="article-lead"' not in page


# A wire record as users send them: double spaces, a tab, CRLF, lines wrapped mid-sentence, a
# zero-width space inside a name, Persian digits in a date; and a lead, which is metadata.
WIRE_TEXT = (
    "Iranian Foreign Minister Mohammad Javad  Zarif met\tRussian Foreign Minister Sergei Lavrov"
    "\r\nin Moscow on ۵ October ۲۰۲۰.  Za\u200brif praised Russia.\r\n\r\n"
    "Russian troops attacked Ukrainian\r\npositions on Monday, and  Iran condemned Israel.\r\n"
)
WIRE = {
    "id": "wire-1",
    "title": "Talks",
    "lead": "A lead that is only metadata.",
    "text": WIRE_TEXT,
    "published": "2020-10-08",
}
# Each event's span from its first to its last word (trigger and actors), as the text has it.
WIRE_SPANS = {
    ("IRNGOV", "RUSGOV", "040"): "Zarif met\tRussian Foreign Minister Sergei Lavrov",
    ("IRNGOV", "RUS", "051"): "Za\u200brif praised Russia",
    ("RUSMIL", "UKR", "190"): "troops attacked Ukrainian\r\npositions",
    ("IRN", "ISR", "111"): "Iran condemned Israel",
}
WIRE_MENTIONS = {
    ("IRNGOV", "Mohammad Javad  Zarif"),
    ("IRNGOV", "Za\u200brif"),
    ("RUSGOV", "Sergei Lavrov"),
    ("RUS", "Russia"),
    ("RUSMIL", "Russian troops"),
    ("IRN", "Iran"),
    ("ISR", "Israel"),
}


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The wire record as a JSONL file, and a database it was ingested into."""
    folder = tmp_path_factory.mktemp("wire")
    path = folder / "wire.jsonl"
    path.write_text(json.dumps(WIRE, ensure_ascii=False) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'wire.db'}"
    _cli("ingest", str(path), "--db", url, "-q")
    return path, url


def _spans(events: list[dict[str, Any]]) -> dict[str, tuple[int, int, str]]:
    return {e["event_id"]: (e["span"][0], e["span"][1], e["text"]) for e in events}


def test_wire_record_text_is_stored_exactly_as_given(wire: tuple[Path, str]) -> None:
    _, url = wire
    with open_store(url) as store:
        article = store.get_article("wire-1")
    assert article is not None
    assert article.text == WIRE_TEXT
    assert article.lead == "A lead that is only metadata."


def test_wire_record_offsets_index_its_text_and_agree_everywhere(
    wire: tuple[Path, str], tmp_path: Path
) -> None:
    from eventwire.web import create_app

    path, url = wire
    # 1. eventwire code and eventwire actors, with no database.
    coded = [json.loads(line) for line in _cli("code", str(path), "--format", "jsonl").splitlines()]
    actors = [
        json.loads(line) for line in _cli("actors", str(path), "--format", "jsonl").splitlines()
    ]
    assert {
        (e["source"], e["target"], e["cameo"]): WIRE_TEXT[e["span"][0] : e["span"][1]]
        for e in coded
    } == WIRE_SPANS
    mentions = {(a["code"], m["text"], m["start"], m["end"]) for a in actors for m in a["mentions"]}
    assert {(code, text) for code, text, _, _ in mentions} == WIRE_MENTIONS
    for _, text, start, end in mentions:
        assert WIRE_TEXT[start:end] == text
    assert ("IRNGOV", "Za\u200brif", 121, 127) in mentions
    spans = _spans(coded)
    # 2. The store.
    with open_store(url) as store:
        stored = [e.to_dict() for e in store.iter_events(EventFilter(doc_id="wire-1"))]
        stored_mentions = {
            (a.code, m.text, m.start, m.end) for a in store.get_actors("wire-1") for m in a.mentions
        }
        sentences = _sentence_rows(store, "wire-1")
        assert _spans(stored) == spans
        assert stored_mentions == mentions
        for event in coded:
            _, start, end, text = sentences[event["sentence"]]
            assert event["text"] == text == WIRE_TEXT[start:end]
        # 3. The JSON API.
        with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
            detail = client.get("/api/articles/wire-1").json()
            listed = client.get("/api/events", params={"article": "wire-1"}).json()["items"]
            page = client.get("/articles/wire-1").text
    assert detail["text"] == WIRE_TEXT
    assert _spans(detail["event_list"]) == spans
    assert _spans(listed) == spans
    api_mentions = {
        (a["code"], m["text"], m["start"], m["end"])
        for a in detail["actors"]
        for m in a["mentions"]
    }
    assert api_mentions == mentions
    # The record's lead is not in the text, so the page shows it apart, once.
    assert page.count("A lead that is only metadata.") == 1
    # 4. The exports.
    exported = tmp_path / "events.csv"
    _cli("export", "--format", "csv", "--output", str(exported), "--db", url)
    with exported.open(encoding="utf-8", newline="") as lines:  # CRLF inside cells kept
        rows = list(csv.DictReader(lines))
    assert {r["event_id"]: (*json.loads(r["span"]), r["text"]) for r in rows} == spans
    exported = tmp_path / "events.jsonl"
    _cli("export", "--format", "jsonl", "--output", str(exported), "--db", url)
    plover = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert {
        p["id"]: (p["text_info"]["start"], p["text_info"]["end"], p["event_text"][0])
        for p in plover
    } == spans


def test_wrapped_text_file_codes_as_its_joined_lines_with_offsets_into_the_file(
    tmp_path: Path,
) -> None:
    # A name cut by a line break is found only when the break is read as a space.
    body = (
        "The Libyan House of\r\nRepresentatives rejected the  deal with\r\nTurkey.\r\n\r\n"
        "Russian troops attacked Ukrainian\r\npositions on Monday,  and Iran\r\n"
        "condemned Israel.\r\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_bytes(("Fighting\r\n\r\n" + body).encode("utf-8"))
    joined = tmp_path / "joined.jsonl"
    text = (
        "The Libyan House of Representatives rejected the deal with Turkey.\n\n"
        "Russian troops attacked Ukrainian positions on Monday, and Iran condemned Israel."
    )
    joined.write_text(json.dumps({"text": text}) + "\n")

    def events(source: Path) -> list[dict[str, Any]]:
        lines = _cli("code", str(source), "--format", "jsonl").splitlines()
        return [json.loads(line) for line in lines]

    wrapped, plain = events(path), events(joined)
    assert len(wrapped) == 3

    def what(event: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in event.items() if k not in ("span", "text")}

    # The same article (same content id) coded the same: the file's line breaks read as spaces.
    assert [what(e) for e in wrapped] == [what(e) for e in plain]
    (article,) = read([path])
    assert isinstance(article, Article)
    assert article.text == "\r\n" + body
    assert [(e["source"], article.text[e["span"][0] : e["span"][1]]) for e in wrapped] == [
        ("LBYLEG", "House of\r\nRepresentatives rejected the  deal with\r\nTurkey"),
        ("RUSMIL", "troops attacked Ukrainian\r\npositions"),
        ("IRN", "Iran\r\ncondemned Israel"),
    ]
