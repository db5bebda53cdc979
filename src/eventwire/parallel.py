"""Local parallelism: the pipeline over batches of articles in worker processes, order kept.

Each worker loads the spaCy model once and processes whole batches (parsing a batch at once is
what makes spaCy fast); the parent keeps reading and writing, so a single SQLite writer stays
the only writer. Documents come back without their spaCy parse, which is large and no longer
needed once actors and events are coded.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from eventwire.config import Limits
from eventwire.pipeline import Document, StageFailure, process_all
from eventwire.records import Article, ReadFailure

BATCH_SIZE = 32


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _work(batch: list[Article], limits: Limits) -> list[Document | StageFailure]:
    out: list[Document | StageFailure] = []
    for doc in process_all(batch, limits=limits):
        if isinstance(doc, Document):
            doc.parsed = None  # a spaCy Doc is large to send back and not needed after coding
            out.append(doc)
        elif isinstance(doc, StageFailure):
            out.append(doc)
    return out


def default_workers() -> int:
    return max(1, (os.cpu_count() or 1))


def process_parallel(
    articles: Iterable[Article],
    workers: int,
    batch_size: int = BATCH_SIZE,
    limits: Limits | None = None,
) -> Iterator[Document | StageFailure]:
    """Process articles on ``workers`` processes (1 = in this process), in input order."""
    # Read here and sent along: the forkserver's environment is the one it started with.
    limits = limits or Limits.from_env()
    if workers <= 1:
        for batch in _batches(articles, batch_size):
            yield from _work(batch, limits)
        return
    # forkserver: workers start from a clean process, not a copy of this one and its threads
    # (a forked copy of a threaded parent can deadlock); each worker loads its own model once.
    context = multiprocessing.get_context("forkserver")
    with context.Pool(workers) as pool:
        # Batches are cut and submitted from this thread (the article stream may query the
        # store, whose connections belong to this thread), at most two per worker in flight:
        # memory stays flat on any corpus and every worker always has the next batch waiting.
        pending: deque[AsyncResult[list[Document | StageFailure]]] = deque()
        for batch in _batches(articles, batch_size):
            pending.append(pool.apply_async(_work, (batch, limits)))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def process_stream(
    results: Iterable[Article | ReadFailure], workers: int, batch_size: int = BATCH_SIZE
) -> Iterator[Document | StageFailure | ReadFailure]:
    """Like :func:`process_parallel` over read results; read failures pass through as met."""
    failures: list[ReadFailure] = []

    def articles() -> Iterator[Article]:
        for result in results:
            if isinstance(result, ReadFailure):
                failures.append(result)
            else:
                yield result

    for doc in process_parallel(articles(), workers, batch_size):
        while failures:
            yield failures.pop(0)
        yield doc
    yield from failures
