"""`ingest --reprocess` and `eventwire reprocess`: stored articles coded again, parts replaced."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.conftest import REPO
from typer.testing import CliRunner

from eventwire import __version__
from eventwire.cli import app

WIKINEWS_3 = REPO / "tests" / "fixtures" / "wikinews-3.jsonl"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, " ".join(result.stderr.split())


def _coding(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as conn:
        return {
            "events": sorted(conn.execute("SELECT event_id, doc_id, cameo FROM events")),
            "versions": sorted({r[0] for r in conn.execute("SELECT coder_version FROM events")}),
            "sentences": conn.execute("SELECT count(*) FROM sentences").fetchone()[0],
            "mentions": conn.execute("SELECT count(*) FROM actor_mentions").fetchone()[0],
        }


def _age(db: Path) -> None:
    """Make the store look coded by an older coder that got one article wrong."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE events SET coder_version = '0.0.1'")
        conn.execute("DELETE FROM sentences WHERE article_id = (SELECT min(id) FROM articles)")
        conn.execute("DELETE FROM actor_mentions")


@pytest.fixture
def coded(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    db = tmp_path / "r.db"
    code, err = run("ingest", str(WIKINEWS_3), "--db", f"sqlite:///{db}", "-q")
    assert code == 0, err
    return db, _coding(db)


@pytest.mark.slow
def test_ingest_reprocess_recodes_stored_articles_with_the_current_version(
    coded: tuple[Path, dict[str, object]],
) -> None:
    db, fresh = coded
    assert fresh["versions"] == [__version__]
    _age(db)
    code, err = run("ingest", "--reprocess", str(WIKINEWS_3), "--db", f"sqlite:///{db}", "-q")
    assert code == 0, err
    assert "new 0 · recoded 3 · duplicate 0" in err
    assert _coding(db) == fresh


@pytest.mark.slow
def test_reprocess_all_and_by_id_recode_without_the_input(
    coded: tuple[Path, dict[str, object]],
) -> None:
    db, fresh = coded
    _age(db)
    code, err = run("reprocess", "--all", "--db", f"sqlite:///{db}", "-q")
    assert code == 0, err
    assert "recoded 3" in err
    assert _coding(db) == fresh
    with sqlite3.connect(db) as conn:
        first = conn.execute("SELECT min(id) FROM articles").fetchone()[0]
    code, err = run("reprocess", first, "--db", f"sqlite:///{db}", "-q")
    assert code == 0, err
    assert "recoded 1" in err


def test_reprocess_unknown_id_fails_and_needs_ids_or_all(empty_db: str) -> None:
    code, err = run("reprocess", "nope", "--db", empty_db, "-q")
    assert code == 1
    assert "nope: no stored article with this id" in err
    code, err = run("reprocess", "--db", empty_db)
    assert code == 2
    assert "give article ids or --all" in err
