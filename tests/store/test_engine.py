"""Tests of database connections: SQLite settings, folder creation, clear errors for bad URLs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from eventwire.errors import ConfigError, StoreError
from eventwire.store import open_store
from eventwire.store.engine import SQLITE_BUSY_TIMEOUT_MS, masked


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() == SQLITE_BUSY_TIMEOUT_MS


def test_sqlite_wal_mode_persists_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    open_store(f"sqlite:///{path}").close()

    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_sqlite_foreign_keys_are_enforced(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store, pytest.raises(IntegrityError), store.engine.begin() as c:
        c.execute(text("INSERT INTO sentences VALUES ('no-such-article', 0, 0, 1, 'x')"))


def test_open_store_creates_missing_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "c" / "events.db"

    open_store(f"sqlite:///{path}").close()

    assert path.is_file()


def test_open_store_reports_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")

    with pytest.raises(ConfigError, match="cannot create the folder"):
        open_store(f"sqlite:///{blocker}/sub/events.db")


@pytest.mark.parametrize("url", ["not a url", "eventwire.db", ""])
def test_open_store_rejects_a_malformed_url(url: str) -> None:
    with pytest.raises(ConfigError, match="not a database URL"):
        open_store(url)


def test_open_store_rejects_an_unknown_database_kind() -> None:
    with pytest.raises(ConfigError, match="nosuchdb://"):
        open_store("nosuchdb://host/db")


def test_open_store_names_a_missing_driver_with_the_password_masked() -> None:
    with pytest.raises(ConfigError) as caught:
        open_store("postgresql+pg8000://reader:s3cret@db.example/news")

    message = str(caught.value)
    assert "reader:***@db.example/news" in message
    assert "s3cret" not in message


def test_open_store_reports_an_unreachable_server_with_the_password_masked() -> None:
    pytest.importorskip("psycopg")
    # Port 1 on the loopback interface: refused at once, no network needed.
    url = "postgresql+psycopg://reader:s3cret@127.0.0.1:1/news?connect_timeout=2"

    with pytest.raises(StoreError) as caught:
        open_store(url)

    message = str(caught.value)
    assert "cannot open database" in message
    assert "reader:***@127.0.0.1:1/news" in message
    assert "s3cret" not in message


def test_open_store_reports_an_unreadable_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not a database file at all" * 100)

    with pytest.raises(StoreError, match=r"garbage\.db"):
        open_store(f"sqlite:///{path}")


def test_masked_hides_only_the_password() -> None:
    assert masked("postgresql://u:pw@h:5432/d") == "postgresql://u:***@h:5432/d"
    assert masked("sqlite:///x.db") == "sqlite:///x.db"
