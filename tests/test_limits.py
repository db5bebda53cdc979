"""Per-article limits: too many sentences, too long to code, too long to parse — one clean
failure naming the limit, the rest of the batch coded."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from tests.conftest import SEED
from typer.testing import CliRunner

from eventwire import guards, pipeline
from eventwire.cli import app
from eventwire.config import Limits
from eventwire.errors import ConfigError
from eventwire.pipeline import Document, StageFailure, process_all, process_document
from eventwire.records import Article, Sentence


def _with_sentences(count: int) -> pipeline.Stage:
    def stage(doc: Document) -> Document:
        doc.sentences = [Sentence(i, i, i + 1, "x") for i in range(count)]
        return doc

    return stage


def _sleeping(seconds: float, ran: list[str], name: str) -> pipeline.Stage:
    def stage(doc: Document) -> Document:
        ran.append(name)
        time.sleep(seconds)
        return doc

    return stage


def test_process_document_over_the_sentence_limit_fails_naming_it() -> None:
    doc = Document(article=Article(id="a", text="x"))
    result = process_document(doc, [("nlp", _with_sentences(5))], Limits(max_sentences=3))
    assert isinstance(result, StageFailure)
    assert result.stage == "nlp"
    assert "5 sentences, over the limit of 3 (EVENTWIRE_MAX_SENTENCES)" in result.reason


def test_process_document_over_the_time_limit_stops_before_the_next_stage() -> None:
    ran: list[str] = []
    stages = [("slow", _sleeping(0.05, ran, "slow")), ("next", _sleeping(0, ran, "next"))]
    result = process_document(
        Document(article=Article(id="a", text="x")), stages, Limits(max_seconds=0.01)
    )
    assert isinstance(result, StageFailure)
    assert result.stage == "slow"
    assert "over the limit of 0.01 s (EVENTWIRE_MAX_ARTICLE_SECONDS)" in result.reason
    assert ran == ["slow"]


def test_limits_from_env_reads_both_and_rejects_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MAX_SENTENCES", "50")
    monkeypatch.setenv("EVENTWIRE_MAX_ARTICLE_SECONDS", "2.5")
    monkeypatch.setenv("EVENTWIRE_MAX_WORKER_MB", "900")
    assert Limits.from_env() == Limits(max_sentences=50, max_seconds=2.5, max_worker_mb=900)
    for bad in ("many", "0", "-1"):
        monkeypatch.setenv("EVENTWIRE_MAX_SENTENCES", bad)
        with pytest.raises(ConfigError, match="EVENTWIRE_MAX_SENTENCES"):
            Limits.from_env()


@pytest.mark.slow
def test_process_all_refuses_a_body_too_long_to_parse_and_codes_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "MAX_PARSE_CHARS", 100)
    articles = [
        Article(id="long", text="Iran and Russia held talks. " * 10),
        Article(id="short", text="Iran and Russia held talks."),
    ]
    long, short = process_all(articles)
    assert isinstance(long, StageFailure)
    # The parser reads the normalised text: 280 characters less the trailing space.
    assert "body is 279 characters, over the 100 the parser takes" in long.reason
    assert isinstance(short, Document)
    assert short.sentences


@pytest.mark.slow
def test_ingest_max_sentences_option_fails_the_long_article_only(
    db_url: str, tmp_path: Path
) -> None:
    short = tmp_path / "short.jsonl"
    short.write_text(json.dumps({"id": "s", "text": "Iran and Russia held talks."}) + "\n")
    result = CliRunner().invoke(
        app, ["ingest", str(SEED), str(short), "--db", db_url, "-q", "--max-sentences", "3"]
    )
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert "tabnak-837703: nlp failed:" in message
    assert "over the limit of 3 (EVENTWIRE_MAX_SENTENCES)" in message
    assert "new 1" in message


# Guards before parsing (eventwire.guards): each refuses in milliseconds what spaCy would take
# seconds to minutes (or gigabytes) on; timings in docs/performance.md.
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Iran said " + "!?." * 4_000 + " talks.",
            "a run of 12,000 punctuation characters at offset 10, over the limit of 200 "
            "(the tokenizer's time grows with its square)",
        ),
        (
            "Talks. " + "&amp;" * 200_000,
            "1,000,000 characters without a space at offset 7, over the limit of 2,000",
        ),
        (
            "Talks. " + "word " * 5_000,
            "a sentence of 25,000 characters at offset 7, over the limit of 20,000",
        ),
        (
            "Iran held talks. " * 48_000,
            "about 48,000 sentences, over the limit of 2,000 (EVENTWIRE_MAX_SENTENCES), "
            "counted before parsing",
        ),
    ],
    ids=["punctuation-run", "entity-run", "long-sentence", "many-sentences"],
)
def test_unparsable_names_the_limit_and_where(text: str, reason: str) -> None:
    started = time.perf_counter()
    assert guards.unparsable(text, max_sentences=2_000) == reason
    assert time.perf_counter() - started < 1


def test_unparsable_accepts_news_with_rulers_urls_and_line_breaks() -> None:
    text = (
        "Iran and Russia held talks.\n"
        + "=" * 80
        + "\nSee https://example.org/"
        + "a" * 500
        + " for more!\n"
        + "Talks went on. " * 100
    )
    assert guards.unparsable(text, max_sentences=2_000) is None


def test_estimated_sentences_counts_ends_and_a_last_sentence_without_one() -> None:
    assert guards.estimated_sentences("Iran talked. Egypt listened!  Then") == 3
    assert guards.estimated_sentences("Iran talked. Egypt listened!") == 2
    assert guards.estimated_sentences("no end at all") == 1


def test_sentence_estimate_refuses_only_over_twice_the_limit() -> None:
    assert guards.unparsable("Talks went on. " * 8, max_sentences=4) is None
    assert guards.unparsable("Talks went on. " * 9, max_sentences=4) == (
        "about 9 sentences, over the limit of 4 (EVENTWIRE_MAX_SENTENCES), counted before parsing"
    )


def test_process_document_refuses_before_any_stage_runs() -> None:
    ran: list[str] = []
    doc = Document(article=Article(id="p", text="Iran said " + "!?." * 100))
    result = process_document(doc, [("nlp", _sleeping(0, ran, "nlp"))], Limits())
    assert isinstance(result, StageFailure)
    assert (result.article_id, result.stage) == ("p", "nlp")
    assert result.reason.startswith("a run of 300 punctuation characters at offset 10")
    assert ran == []


@pytest.mark.slow
def test_process_all_refuses_the_punctuation_run_before_parsing_and_codes_the_rest() -> None:
    articles = [
        Article(id="before", text="Iran and Russia held talks."),
        Article(id="bomb", text="Iran said " + "!?." * 4_000),
        Article(id="after", text="Egypt and Sudan held talks."),
    ]
    started = time.perf_counter()
    before, bomb, after = process_all(articles, limits=Limits(max_seconds=5))
    assert time.perf_counter() - started < 5  # 29 s before the guard
    assert isinstance(bomb, StageFailure)
    assert bomb.reason.startswith("a run of 12,000 punctuation characters")
    assert isinstance(before, Document)
    assert isinstance(after, Document)
    assert [len(before.sentences), len(after.sentences)] == [1, 1]


def _slow_text() -> str:
    # Passes every guard (sentences of 19,000 characters) yet parses for ~9 s: the kind of
    # cost a guard cannot see, stopped by the worker's alarm instead.
    return " ".join(["Iran and Egypt talked , " * 790 + "."] * 10)


@pytest.mark.slow
def test_two_workers_stop_an_overrunning_article_and_code_the_rest_of_its_batch() -> None:
    from eventwire.parallel import process_parallel

    articles = [
        Article(id="before", text="Iran and Russia held talks."),
        Article(id="slow", text=_slow_text()),
        Article(id="after", text="Egypt and Sudan held talks."),
        Article(id="next-batch", text="Israel and Jordan signed a deal."),
    ]
    assert guards.unparsable(articles[1].text, max_sentences=2_000) is None
    started = time.perf_counter()
    limits = Limits(max_seconds=3)
    results = list(process_parallel(articles, workers=2, batch_size=3, limits=limits))
    seconds = time.perf_counter() - started
    assert [getattr(r, "article_id", None) or r.article.id for r in results] == [
        "before",
        "slow",
        "after",
        "next-batch",
    ]
    slow = results[1]
    assert isinstance(slow, StageFailure)
    assert (slow.stage, slow.reason) == (
        "pipeline",
        "still running after 3 s, the limit (EVENTWIRE_MAX_ARTICLE_SECONDS); "
        "its worker was stopped and replaced",
    )
    assert all(isinstance(r, Document) and r.sentences for r in results[::2] + results[3:])
    assert seconds < 15  # the batch once (3 s), then the slow article alone (3 s), not ~9 s x 2


@pytest.mark.slow
def test_a_worker_over_its_memory_cap_fails_the_article_and_codes_the_rest() -> None:
    from eventwire.parallel import process_parallel

    sentence = "Iran and Egypt held talks in Cairo on Monday about trade, water and security. "
    articles = [
        Article(id="short", text="Iran and Russia held talks."),
        Article(id="big", text=sentence * 1_500),  # parses in ~1.2 GB: over a 700 MB cap
        Article(id="after", text="Egypt and Sudan held talks."),
    ]
    limits = Limits(max_worker_mb=700)
    short, big, after = process_parallel(articles, workers=2, batch_size=3, limits=limits)
    assert isinstance(big, StageFailure)
    assert (big.stage, big.reason) == (
        "nlp",
        "out of memory (a worker may use 700 MB, EVENTWIRE_MAX_WORKER_MB)",
    )
    assert isinstance(short, Document)
    assert isinstance(after, Document)
    assert [len(short.sentences), len(after.sentences)] == [1, 1]
