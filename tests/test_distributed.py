"""The Dask runner: a 2-worker LocalCluster gives the events of a local run, exactly once."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url
from tests.conftest import SAMPLES, SEED

from eventwire import sources
from eventwire.distributed import ingest_dask
from eventwire.ingest import ingest
from eventwire.store import open_store

pytestmark = pytest.mark.slow
PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL", "")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    path = tmp_path_factory.mktemp("corpus") / "twelve.jsonl"
    with (SAMPLES / "wikinews" / "articles.jsonl").open(encoding="utf-8") as lines:
        path.write_text("".join(next(lines) for _ in range(12)), encoding="utf-8")
    return [SEED, path]


def _event_ids(url: str) -> list[str]:
    with open_store(url) as store:
        return sorted(e.event_id for e in store.iter_events())


@pytest.fixture(scope="module")
def local_ids(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('local') / 'local.db'}"
    with open_store(url) as store:
        assert ingest(corpus, store).ok
    return _event_ids(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dask.db'}"
        return
    if not PG_URL:
        pytest.skip("EVENTWIRE_TEST_PG_URL is not set")
    schema = f"dask_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def test_dask_ingest_equals_a_local_run_and_is_idempotent(
    corpus: list[Path], local_ids: list[str], db: str
) -> None:
    first = ingest_dask(sources.read(corpus), db, workers=2, batch_size=4)
    assert (first.read, first.new, first.failed) == (13, 13, 0)
    assert _event_ids(db) == local_ids
    again = ingest_dask(sources.read(corpus), db, workers=2, batch_size=4)
    assert (again.new, again.duplicate) == (0, 13)
    assert _event_ids(db) == local_ids


def test_dask_ingest_reports_bad_records_and_stores_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = {"id": "g1", "text": "Rebels attacked an army base near Goma on Monday."}
    path.write_text(json.dumps(good) + "\n{broken\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'd.db'}"
    summary = ingest_dask(sources.read([path]), url, workers=2)
    assert summary.new == 1
    [failure] = summary.failures
    assert str(failure).startswith(f"{path}:2")


@pytest.mark.postgres
def test_dask_four_workers_on_postgresql_lose_and_double_nothing(
    corpus: list[Path], local_ids: list[str], tmp_path: Path
) -> None:
    if not PG_URL:
        pytest.skip("EVENTWIRE_TEST_PG_URL is not set")
    schema = f"dask4_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    db = url.render_as_string(hide_password=False)
    try:
        # Batches of one article: four workers write to the same tables at the same time.
        summary = ingest_dask(sources.read(corpus + corpus), db, workers=4, batch_size=1)
        assert (summary.new, summary.duplicate, summary.failed) == (13, 13, 0)
        assert _event_ids(db) == local_ids
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()
