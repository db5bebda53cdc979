"""Crash safety and concurrency of `eventwire ingest`, as real processes on a real SQLite file.

A run killed with SIGKILL part-way and then rerun, or two runs on overlapping inputs at once, must
leave exactly what one clean run leaves: the same articles, events, sentences and mentions.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import SAMPLES

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
ARTICLES = 60

# Everything a half-written or doubled article would change, per article.
SNAPSHOT = {
    "events": "SELECT doc_id, group_concat(event_id, ',') FROM "
    "(SELECT doc_id, event_id FROM events ORDER BY doc_id, event_id) GROUP BY doc_id",
    "sentences": "SELECT article_id, count(*) FROM sentences GROUP BY article_id",
    "mentions": "SELECT article_id, count(*) FROM actor_mentions GROUP BY article_id",
    "actors": "SELECT article_id, count(*) FROM article_actors GROUP BY article_id",
}


def _snapshot(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        found: dict[str, Any] = {
            "articles": sorted(r[0] for r in conn.execute("SELECT id FROM articles"))
        }
        for name, query in SNAPSHOT.items():
            found[name] = dict(conn.execute(query).fetchall())
    return found


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def _ingest(inputs: list[Path], db: Path, workers: int = 1) -> subprocess.Popen[bytes]:
    args = [EVENTWIRE, "ingest", *map(str, inputs), "--db", f"sqlite:///{db}", "-q"]
    # A session of its own, so everything the run started can be cleaned up with its group.
    return subprocess.Popen(
        [*args, "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _finish(process: subprocess.Popen[bytes]) -> str:
    """The run's summary line, once it has ended well."""
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()
    return " ".join(err.decode().split())


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The first 60 Wikinews records as JSONL lines."""
    with (SAMPLES / "wikinews" / "articles.jsonl").open(encoding="utf-8") as lines:
        return [next(lines) for _ in range(ARTICLES)]


@pytest.fixture(scope="module")
def clean(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What one uninterrupted run stores."""
    folder = tmp_path_factory.mktemp("clean")
    db = folder / "clean.db"
    _finish(_ingest([_write(folder / "in.jsonl", corpus)], db))
    found = _snapshot(db)
    assert len(found["articles"]) == ARTICLES
    assert sum(len(ids.split(",")) for ids in found["events"].values()) > 20
    return found


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_killed_and_rerun_equals_a_clean_run(
    workers: int, corpus: list[str], clean: dict[str, Any], tmp_path: Path
) -> None:
    source = _write(tmp_path / "in.jsonl", corpus)
    db = tmp_path / "killed.db"
    process = _ingest([source], db, workers)
    deadline = time.monotonic() + 120
    while _stored(db) < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    # Worker processes of the killed run die with their parent's pipes; make sure of it.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    killed_at = _stored(db)
    assert 0 < killed_at < ARTICLES, "the run was not killed part-way"
    _finish(_ingest([source], db, workers))
    assert _snapshot(db) == clean


@pytest.mark.slow
def test_ingest_two_processes_on_one_sqlite_file_lose_and_double_nothing(
    corpus: list[str], clean: dict[str, Any], tmp_path: Path
) -> None:
    # Overlapping halves: records 0-39 and 20-59, the shared third raced for by both.
    first = _write(tmp_path / "a.jsonl", corpus[:40])
    second = _write(tmp_path / "b.jsonl", corpus[20:])
    db = tmp_path / "shared.db"
    runs = [_ingest([first], db), _ingest([second], db)]
    summaries = [_finish(run) for run in runs]
    assert _snapshot(db) == clean
    # Each shared article was stored by exactly one run; the other counted it as a duplicate.
    counts = [{k: int(v) for k, v in re.findall(r"(new|duplicate) (\d+)", s)} for s in summaries]
    assert sum(c["new"] for c in counts) == ARTICLES
    assert sum(c["duplicate"] for c in counts) == 20
