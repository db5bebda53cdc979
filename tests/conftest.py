"""Shared fixtures: paths to the repository's samples and the read-only ../shared material."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"
SEED = SAMPLES / "seed" / "tabnak-837703.txt"
# The gold sets the evaluation gate uses, shipped in the repository (eval/data/README.md).
EVAL_DATA = REPO / "eval" / "data"


@pytest.fixture
def shared() -> Path:
    """The read-only ../shared folder; tests that need it skip when it is not beside the repo."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def empty_db(db_url: str) -> str:
    """The URL of a store that exists and holds nothing (reading commands refuse a missing one)."""
    from eventwire.store import open_store

    open_store(db_url).close()
    return db_url


@pytest.fixture(autouse=True)
def _no_user_dictionaries(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--dict` works through EVENTWIRE_DICT; keep one test's dictionaries out of the next."""
    monkeypatch.delenv("EVENTWIRE_DICT", raising=False)


@pytest.fixture(autouse=True)
def _one_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI commands default to one worker per core; in-process CLI tests stay in one process
    (the tests of parallel coding ask for workers explicitly)."""
    monkeypatch.setenv("EVENTWIRE_WORKERS", "1")
