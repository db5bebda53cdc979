"""The same pipeline on a Dask cluster: batches of articles coded and stored by the workers.

The client reads the input and cuts it into batches; each task codes one batch with the local
pipeline and writes it to the shared database itself. Writes are idempotent (an article id is
stored once, event ids are content hashes), so a task that a worker retries after a failure, or
a batch that two runs both submit, never doubles a row. A LocalCluster is started when no
scheduler address is given.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from eventwire.ingest import IngestSummary, coded_parts
from eventwire.records import Article, ReadFailure

BATCH_SIZE = 32


@dataclass
class BatchResult:
    """What one task did: counts, and the failures as text (file:line or article: reason)."""

    new: int = 0
    duplicate: int = 0
    failures: list[str] = field(default_factory=list)


# One store (engine and connection pool) per worker process and database, reused by tasks.
_stores: dict[str, Any] = {}


def _worker_store(db_url: str) -> Any:
    from eventwire.store import open_store

    if db_url not in _stores:
        _stores[db_url] = open_store(db_url)
    return _stores[db_url]


def close_worker_stores() -> None:
    """Release a worker's database connections (run on every worker before the cluster stops)."""
    while _stores:
        _stores.popitem()[1].close()


def code_and_store(batch: list[Article], db_url: str, dicts: str = "") -> BatchResult:
    """Task body: code a batch on this worker and store each article atomically."""
    from eventwire.actors.lexicon import DICT_ENV
    from eventwire.pipeline import Document, StageFailure, process_all

    if dicts:
        os.environ[DICT_ENV] = dicts  # the client's --dict, for this worker's lexicon
    store = _worker_store(db_url)
    result = BatchResult()
    fresh = [a for a in batch if not store.has_article(a.id)]
    result.duplicate += len(batch) - len(fresh)
    for doc in process_all(fresh):
        if isinstance(doc, StageFailure):
            result.failures.append(str(doc))
        elif isinstance(doc, Document):
            stored = store.add_article(doc.article, coded_parts(doc))
            if stored:
                result.new += 1
            else:
                result.duplicate += 1
    return result


def _batches(
    results: Iterable[Article | ReadFailure], size: int, failures: list[Any]
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for result in results:
        if isinstance(result, ReadFailure):
            failures.append(result)
            continue
        batch.append(result)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_dask(
    results: Iterable[Article | ReadFailure],
    db_url: str,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    batch_size: int = BATCH_SIZE,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Code and store a stream of read results on a Dask cluster; returns the totals.

    At most two batches per worker are in flight, so the client's memory stays flat however
    large the input.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    from eventwire.actors.lexicon import DICT_ENV
    from eventwire.store import open_store

    open_store(db_url).close()  # migrate once here, not racing in every worker
    dicts = os.environ.get(DICT_ENV, "")
    summary = IngestSummary()
    started = time.perf_counter()
    cluster: Any = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    client: Any = Client(scheduler or cluster)
    try:
        window = max(2, 2 * workers)
        pending: Any = as_completed()
        batches = _batches(results, batch_size, summary.failures)
        for batch in islice(batches, window):
            summary.read += len(batch)
            pending.add(client.submit(code_and_store, batch, db_url, dicts, pure=False))
        for future in pending:
            done: BatchResult = future.result()
            summary.new += done.new
            summary.duplicate += done.duplicate
            summary.failures.extend(done.failures)
            summary.seconds = time.perf_counter() - started
            if on_batch is not None:
                on_batch(summary)
            following = next(batches, None)
            if following is not None:
                summary.read += len(following)
                pending.add(client.submit(code_and_store, following, db_url, dicts, pure=False))
    finally:
        client.run(close_worker_stores)
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary
