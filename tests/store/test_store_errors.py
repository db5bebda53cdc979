"""Issue 19 item 5: a store that refuses writes (disk full, read-only, locked past the timeout)
ends the run with the summary of what was stored and one line saying why; no traceback.

Real SQLite errors: ``PRAGMA max_page_count`` makes SQLite's own "database or disk is full",
``mode=ro`` its "attempt to write a readonly database" (the tests run as root, so file modes
would not stop a write), and a second connection holding the write lock its "database is locked".
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from tests.conftest import REPO

from eventwire.ingest import ingest
from eventwire.store import engine as store_engine
from eventwire.store import open_store

# Text that takes a few SQLite pages per article (row and full-text index).
TEXT = " ".join(f"Minister {n} met envoy {n * 7} in Tehran to discuss talks." for n in range(120))


def _write_jsonl(path: Path, count: int) -> list[str]:
    ids = [f"doc-{n}" for n in range(count)]
    with path.open("w", encoding="utf-8") as out:
        for doc_id in ids:
            record = {"id": doc_id, "title": doc_id, "text": f"{doc_id}. {TEXT}"}
            out.write(json.dumps(record) + "\n")
    return ids


def _page_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("PRAGMA page_count").fetchone()[0])


@pytest.fixture
def page_limit() -> Iterator[list[int]]:
    """Every SQLite connection opened meanwhile gets ``PRAGMA max_page_count`` = the value in the
    list (when set): a database that cannot grow, as on a full disk."""
    limit: list[int] = []

    def cap(dbapi_connection: Any, _record: Any) -> None:
        if limit:
            dbapi_connection.execute(f"PRAGMA max_page_count={limit[0]}")

    event.listen(Engine, "connect", cap)
    yield limit
    event.remove(Engine, "connect", cap)


def test_full_disk_stops_the_run_keeping_what_was_stored(
    tmp_path: Path, page_limit: list[int]
) -> None:
    inputs = tmp_path / "in.jsonl"
    ids = _write_jsonl(inputs, 20)
    db = tmp_path / "full.db"
    url = f"sqlite:///{db}"
    with open_store(url) as store:
        ingest([inputs.with_name("none.jsonl")], store, stages=[])  # schema only
    page_limit.append(_page_count(db) + 8)
    with open_store(url) as store:
        summary = ingest([inputs], store, stages=[])
        stored = sorted(a.id for a in store.iter_articles())
    assert 0 < summary.new < len(ids)
    assert stored == sorted(ids[: summary.new])
    assert summary.stopped == (
        f"cannot store article {ids[summary.new]} in {url}: database or disk is full"
    )
    assert (summary.failed, summary.ok) == (0, False)


def test_locked_past_the_timeout_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in.jsonl"
    ids = _write_jsonl(inputs, 3)
    db = tmp_path / "locked.db"
    url = f"sqlite:///{db}"
    monkeypatch.setattr(store_engine, "SQLITE_BUSY_TIMEOUT_MS", 200)
    with open_store(url) as store:
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another writer that never lets go
        try:
            summary = ingest([inputs], store, stages=[])
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert store.count_articles() == 0
    assert (summary.read, summary.new) == (1, 0)  # one worker reads lazily: stopped at the first
    assert summary.stopped == f"cannot store article {ids[0]} in {url}: database is locked"


def test_cli_read_only_store_prints_summary_and_one_line_exit_1(tmp_path: Path) -> None:
    inputs = tmp_path / "in.jsonl"
    first, *_ = _write_jsonl(inputs, 2)
    db = tmp_path / "ro.db"
    with open_store(f"sqlite:///{db}"):
        pass
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("eventwire")),
            "ingest",
            str(inputs),
            "--db",
            url,
            "--workers",
            "1",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
        env={"COLUMNS": "80", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert lines[-2].startswith("read 2 · new 0 · duplicate 0 · failed 0 · warnings 0 in ")
    assert lines[-1] == (
        f"error: run stopped, the store refused: cannot store article {first} in "
        f"sqlite:///file%3A{db}?mode=ro&uri=true: attempt to write a readonly database"
    )
    assert result.stdout == ""
