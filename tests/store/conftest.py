"""Fixtures for the store tests: a database URL per backend (SQLite always, PostgreSQL on request).

Set ``EVENTWIRE_TEST_PG_URL`` (``scripts/pg-test-server start`` prints one) to run every
``store_url`` test against PostgreSQL as well; each test then gets a schema of its own.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url

from eventwire.records import Article
from eventwire.store import Store, open_store

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL", "")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres",
        id="postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not PG_URL, reason="EVENTWIRE_TEST_PG_URL is not set"),
        ],
    ),
]


def _pg_schema_url(schema: str) -> str:
    # Each test works in its own schema (search_path set per connection), which is much faster
    # than a database per test and is dropped whole afterwards.
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


@contextmanager
def _database(backend: str, folder: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file in ``folder``, or a new PostgreSQL schema."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'store.db'}"
        return
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        yield _pg_schema_url(schema)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database, once per backend."""
    with _database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Like ``store_url``, shared by a module's tests (for hypothesis, which runs many examples)."""
    with _database(request.param, tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    """A URL of an empty PostgreSQL schema, for PostgreSQL-only behaviour (skips without one)."""
    if not PG_URL:
        pytest.skip("EVENTWIRE_TEST_PG_URL is not set")
    with _database("postgres", tmp_path) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL of a new SQLite file, for behaviour only SQLite has (WAL, FTS5 internals)."""
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


def _make_article(article_id: str, **fields: Any) -> Article:
    fields.setdefault("text", f"Body of article {article_id}.")
    fields.setdefault("published", dt.date(2024, 1, 1))
    return Article(id=article_id, **fields)


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Builds an article with a distinct text and a publication day unless the test gives them."""
    return _make_article
