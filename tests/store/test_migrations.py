"""Tests of the shipped Alembic migrations: fresh databases, re-opening, agreement with models."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from eventwire.errors import StoreError
from eventwire.records import Article
from eventwire.store import open_store
from eventwire.store.migrate import MIGRATIONS, alembic_config, current_revision, head_revision
from eventwire.store.models import Base
from eventwire.store.search import apply_search

# SQLite cannot reflect expression indexes (lower(source)); SQLAlchemy and Alembic say so, and the
# comparisons below simply cover every other index.
pytestmark = pytest.mark.filterwarnings("ignore:.*expression-based index")

TABLES = {"alembic_version", "articles", "sentences", "actors", "actor_mentions", "events"}


def _schema(url: str) -> dict[str, Any]:
    engine = create_engine(url)
    try:
        inspector = inspect(engine)
        return {
            table: sorted(index["name"] or "" for index in inspector.get_indexes(table))
            for table in inspector.get_table_names()
        }
    finally:
        engine.dispose()


def test_migrations_are_shipped_in_the_package() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    assert (MIGRATIONS / "script.py.mako").is_file()
    assert (MIGRATIONS / "versions" / "0001_initial.py").is_file()
    assert alembic_config().config_file_name is None  # no alembic.ini at run time


def test_open_store_migrates_a_fresh_database_to_head(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        assert set(inspect(conn).get_table_names()) >= TABLES
        assert conn.execute(text("SELECT version_num FROM alembic_version")).all() == [
            (head_revision(),)
        ]


def test_open_store_on_a_migrated_database_changes_nothing(store_url: str) -> None:
    open_store(store_url).close()
    before = _schema(store_url)

    open_store(store_url).close()

    assert _schema(store_url) == before
    with open_store(store_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1


def _skip_fts(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    # The full-text table (SQLite) and index (PostgreSQL) are migration-only, as in env.py.
    if type_ == "table":
        return not (name or "").startswith("articles_fts")
    return not (type_ == "index" and name == "ix_articles_fts")


def test_models_match_the_migrated_schema(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": _skip_fts, "compare_type": True}
        )
        differences = compare_metadata(context, Base.metadata)

    assert differences == []


def test_downgrade_to_base_and_upgrade_again(store_url: str) -> None:
    with open_store(store_url) as store:
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        with store.engine.connect() as conn:
            assert not (TABLES - {"alembic_version"}) & set(inspect(conn).get_table_names())
            assert current_revision(conn) is None
    with open_store(store_url) as store, store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()


def test_open_store_refuses_a_database_from_a_newer_eventwire(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))

    with pytest.raises(StoreError, match=r"9999_future.*upgrade eventwire"):
        open_store(store_url)


def test_concurrent_opens_of_a_fresh_database_all_succeed(store_url: str) -> None:
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def opener() -> None:
        barrier.wait()
        try:
            open_store(store_url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []


def test_sqlite_migration_creates_the_fts5_table_and_triggers(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store, store.engine.connect() as conn:
        objects = set(conn.execute(text("SELECT type, name FROM sqlite_master")).all())

    assert ("table", "articles_fts") in objects
    for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
        assert ("trigger", trigger) in objects


@pytest.mark.postgres
def test_postgres_search_uses_the_gin_index(pg_url: str) -> None:
    from eventwire.store.articles import _articles

    with open_store(pg_url) as store, store.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        query = apply_search(_articles.select(), "postgresql", "ceasefire talks", ranked=False)
        compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
        plan = "\n".join(row[0] for row in conn.exec_driver_sql(f"EXPLAIN {compiled}"))

    assert "ix_articles_fts" in plan


def test_migration_0004_leaves_stored_articles_unwrapped_and_searchable(store_url: str) -> None:
    old = Article(id="a", text="Floods hit the north.\n\nSecond paragraph.")
    with open_store(store_url) as store:
        store.add_article(old)
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")

    with open_store(store_url) as store:  # upgraded to head again
        assert store.get_article("a") == old
        assert [a.id for a in store.iter_articles(search="floods")] == ["a"]
        store.add_article(Article(id="b", text="Floods again,\nwrapped.", wrapped=True))
        assert {a.id: a.wrapped for a in store.iter_articles(search="floods")} == {
            "a": False,
            "b": True,
        }
