"""Near-duplicate stories: fingerprints, grouping in the store, events aggregated per story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import SAMPLES, SEED

from eventwire.dedupe import THRESHOLD, fingerprint, similarity
from eventwire.ingest import ingest
from eventwire.store import open_store

WIKINEWS = SAMPLES / "wikinews" / "articles.jsonl"


def _texts(n: int) -> list[str]:
    with WIKINEWS.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for _, line in zip(range(n), lines, strict=False)]


def test_similarity_of_an_edited_copy_passes_the_threshold() -> None:
    text = _texts(6)[5]
    edited = "AFP - " + text.replace(" the ", " a ", 5) + " More to follow."
    assert similarity(fingerprint(text), fingerprint(edited)) >= THRESHOLD


def test_similarity_of_different_reports_stays_below_the_threshold() -> None:
    texts = _texts(12)
    prints = [fingerprint(t) for t in texts]
    assert max(similarity(a, b) for i, a in enumerate(prints) for b in prints[i + 1 :]) < THRESHOLD


def test_fingerprint_is_stable_across_calls() -> None:
    assert fingerprint("Rebels shelled the town on Monday.") == fingerprint(
        "Rebels shelled the town on Monday."
    )


def datasketch_fingerprint(text: str) -> bytes:
    """The fingerprint as datasketch computes it (what dedupe.fingerprint reproduces)."""
    from array import array

    from datasketch import MinHash

    from eventwire.dedupe import shingles

    minhash = MinHash(num_perm=128, seed=1)
    minhash.update_batch(shingles(text))
    return array("I", (int(v) & 0xFFFFFFFF for v in minhash.hashvalues)).tobytes()


def test_fingerprint_is_the_datasketch_minhash() -> None:
    texts = [*_texts(40), "", "One", "one two", "the the the the", "Ünïcode wörds, and 42."]
    for text in texts:
        assert fingerprint(text) == datasketch_fingerprint(text), text[:60]


def _copy_of_seed(tmp_path: Path) -> Path:
    from eventwire import sources

    [article] = list(sources.read([SEED]))
    record = {
        "id": "presstv-1",
        "source": "PressTV",
        "title": article.title,  # type: ignore[union-attr]
        "text": article.text,  # type: ignore[union-attr]
        "published": "2018-09-27T17:30:00+03:30",
    }
    path = tmp_path / "copy.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_ingest_groups_a_copy_from_another_outlet_into_one_story(
    tmp_path: Path, db_url: str
) -> None:
    with open_store(db_url) as store:
        ingest([SEED, _copy_of_seed(tmp_path)], store)
        stories = list(store.iter_stories(min_size=2))
        assert len(stories) == 1
        assert stories[0]["articles"] == 2
        assert stories[0]["sources"] == 2
        assert {m["id"] for m in stories[0]["members"]} == {"tabnak-837703", "presstv-1"}
        groups = list(store.iter_event_groups())
        assert groups
        assert all(g["sources"] == 2 and g["mentions"] >= 2 for g in groups if g["mentions"] > 1)
        repeated = [g for g in groups if g["sources"] == 2]
        assert repeated
        for group in repeated:
            docs = {store.get_event(i).doc_id for i in group["event_ids"]}  # type: ignore[union-attr]
            assert docs == {"tabnak-837703", "presstv-1"}


@pytest.mark.slow
def test_ingest_keeps_unrelated_articles_in_stories_of_their_own(db_url: str) -> None:
    with open_store(db_url) as store:
        ingest([SEED], store)
        [story] = list(store.iter_stories())
        assert story["story_id"] == "tabnak-837703"
        assert story["articles"] == 1


@pytest.mark.slow
def test_cli_stories_and_grouped_events_show_two_sources(tmp_path: Path, db_url: str) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    runner = CliRunner()
    runner.invoke(app, ["ingest", str(SEED), str(_copy_of_seed(tmp_path)), "--db", db_url, "-q"])
    result = runner.invoke(app, ["stories", "--format", "jsonl", "--db", db_url])
    [story] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (story["articles"], story["sources"]) == (2, 2)
    result = runner.invoke(app, ["events", "--grouped", "--format", "jsonl", "--db", db_url])
    groups = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(g["sources"] == 2 for g in groups)
    assert all(len(g["event_ids"]) == g["mentions"] for g in groups)
