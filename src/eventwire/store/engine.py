"""Database connections: turn a URL into a configured SQLAlchemy engine, or a clear error."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from eventwire.errors import ConfigError, MissingStoreError, StoreError

# A writer waits this long for another process's write lock before giving up. Ingest workers commit
# one article at a time (milliseconds each), so 30 s only runs out when something is truly stuck.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def masked(url: str | URL) -> str:
    """The URL as text with any password replaced by ``***``, safe for messages and logs."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        return str(url)
    return parsed.render_as_string(hide_password=True)


def _json_dumps(value: Any) -> str:
    # Keep non-Latin text (Persian, Arabic) readable in the database instead of \u escapes.
    return json.dumps(value, ensure_ascii=False)


def _prepare_sqlite_file(url: URL) -> None:
    """Create the parent folders of a SQLite file, so ``--db sqlite:///new/dir/x.db`` works."""
    path = _sqlite_file(url)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the folder for database {masked(url)}: {exc}") from exc


def _switch_to_wal(cursor: Any) -> None:
    # The switch needs the file to itself for a moment, and SQLite answers "database is locked" at
    # once, without its busy handler, when another new connection is doing the same: retry here.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _configure_sqlite(engine: Engine) -> None:
    """Per-connection SQLite settings: WAL, foreign keys, a busy timeout, real transactions."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (the documented
        # pysqlite recipe): sqlite3's own implicit BEGIN skips SELECTs and breaks SAVEPOINTs.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # The busy timeout comes first, so even the statements below wait for other writers.
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            # WAL lets readers (the web app, exports) run while an ingest writes; it persists in the
            # file, so only the first connection to a new database has to switch.
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                _switch_to_wal(cursor)
            cursor.execute("PRAGMA foreign_keys=ON")
            # NORMAL is durable across application crashes in WAL mode; only a power cut can lose
            # the last commits, and ingestion is idempotent, so re-running recovers them.
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers ask for BEGIN IMMEDIATE (execution option ``eventwire_begin``): it takes the write
        # lock up front, waiting up to the busy timeout, instead of failing at once with
        # SQLITE_BUSY when a read-then-write transaction finds another writer got there first.
        mode = conn.get_execution_options().get("eventwire_begin")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")


def missing_store(url: str | URL) -> MissingStoreError:
    """The error for a database that is not there, saying how to make one."""
    shown = masked(url)
    return MissingStoreError(
        f"no eventwire database at {shown}; create one by ingesting articles into it: "
        f"eventwire ingest FILES... --db {shown}"
    )


def _sqlite_file(url: URL) -> Path | None:
    """The file a SQLite URL names, or None (in memory, or a ``file:`` URI)."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url`` that has been shown to connect.

    With ``create`` false a SQLite file that does not exist is a :class:`MissingStoreError`
    instead of a new empty database (connecting would create it): reading commands must not
    answer "0 events" from a mistyped path.

    Raises :class:`ConfigError` when the URL is malformed or names a driver that is not installed,
    :class:`StoreError` when the database cannot be reached. Messages name the URL, password masked.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(
            f"not a database URL: {url!r} (expected e.g. sqlite:///eventwire.db or "
            "postgresql+psycopg://user@host/dbname)"
        ) from exc
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and create:
        _prepare_sqlite_file(parsed)
    elif is_sqlite:
        path = _sqlite_file(parsed)
        if path is not None and not path.is_file():
            raise missing_store(parsed)
    try:
        engine = create_engine(parsed, json_serializer=_json_dumps, pool_pre_ping=not is_sqlite)
    except NoSuchModuleError as exc:
        raise ConfigError(f"unsupported database URL {masked(parsed)}: {exc}") from exc
    except ImportError as exc:
        extra = " (pip install 'eventwire[postgres]')" if "postgres" in parsed.drivername else ""
        raise ConfigError(f"no driver for database URL {masked(parsed)}: {exc}{extra}") from exc
    except (ArgumentError, TypeError, ValueError) as exc:
        raise ConfigError(f"bad database URL {masked(parsed)}: {exc}") from exc
    if is_sqlite:
        _configure_sqlite(engine)
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(f"cannot open database {masked(parsed)}: {reason}") from exc
    return engine
