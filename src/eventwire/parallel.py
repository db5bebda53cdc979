"""Local parallelism: the pipeline over batches of articles in worker processes, order kept.

Workers are forked from a server that has loaded the spaCy model and the lexicons once
(:mod:`eventwire.preload`) and process whole batches (parsing a batch at once is what makes
spaCy fast); the parent keeps reading and writing, so a single SQLite writer stays
the only writer. Documents come back without their spaCy parse, which is large and no longer
needed once actors and events are coded.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from multiprocessing.pool import AsyncResult

from eventwire.actors import learned
from eventwire.config import Limits
from eventwire.pipeline import Document, StageFailure, process_all
from eventwire.records import Article, ReadFailure

# Articles per task. Small enough that both workers finish close together (the last batch
# decides when a run ends: ~1 s of one core at 16 news articles), large enough for spaCy to
# parse efficiently (8 to 64 texts per call parse 120 articles in the same CPU time).
BATCH_SIZE = 16
# What the forkserver imports before it forks any worker: the warm start that loads the models
# once, and the main script (the default preload). Python 3.11 never passes the main script's
# path to the server, so each worker imports it after the fork instead: the CLI keeps that import
# light (tests/test_parallel.py).
PRELOAD = ["__main__", "eventwire.preload"]


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _coded(
    batch: list[Article], limits: Limits, skip: frozenset[str] = frozenset()
) -> Iterator[Document | StageFailure]:
    # The batch is parsed at once, then each article is coded when the caller asks for it.
    for doc in process_all(batch, limits=limits, skip=skip):
        if isinstance(doc, Document):
            doc.parsed = None  # a spaCy Doc is large to send back and not needed after coding
            yield doc
        elif isinstance(doc, StageFailure):
            yield doc


def _work(
    batch: list[Article], limits: Limits, skip: frozenset[str] = frozenset()
) -> list[Document | StageFailure]:
    return list(_coded(batch, limits, skip))


def default_workers() -> int:
    return max(1, (os.cpu_count() or 1))


def start_workers() -> None:
    """Start the server that forks the workers now, so that it loads the models meanwhile.

    Call it as soon as a command knows it will code on several processes: the server loads
    spaCy and the lexicons (:mod:`eventwire.preload`) while this process goes on reading its
    input, and the pool's workers are forked from it with all of that in place. It runs once
    per process; the server and its workers keep the environment of that moment (model, user
    dictionaries: set them first). :func:`process_parallel` calls it too.
    """
    context = multiprocessing.get_context("forkserver")
    # The preload list only counts when the server starts (a no-op once it runs).
    context.set_forkserver_preload(PRELOAD)
    multiprocessing.forkserver.ensure_running()


def process_parallel(
    articles: Iterable[Article],
    workers: int,
    batch_size: int = BATCH_SIZE,
    limits: Limits | None = None,
    skip: frozenset[str] = frozenset(),
    registry: learned.Registry | None = None,
) -> Iterator[Document | StageFailure]:
    """Process articles on ``workers`` processes (1 = in this process), in input order;
    ``skip`` as in :func:`eventwire.pipeline.process_all`.

    ``registry`` is the learned actor registry the workers consult (a snapshot sent to each
    once, when the pool starts); in this process the caller puts one in force
    (:func:`eventwire.actors.learned.using`), and each article is coded only when the one
    before it has been taken, so the caller may store it and learn from it first.
    """
    # Read here and sent along: the forkserver's environment is the one it started with.
    limits = limits or Limits.from_env()
    if workers <= 1:
        for batch in _batches(articles, batch_size):
            yield from _coded(batch, limits, skip)
        return
    # forkserver: workers start from a clean process, not a copy of this one and its threads
    # (a forked copy of a threaded parent can deadlock); the server loaded the models once.
    batches = _batches(articles, batch_size)
    first = next(batches, None)
    if first is None:
        return  # nothing new to code (a re-run over stored articles): no pool to wait for
    start_workers()
    context = multiprocessing.get_context("forkserver")
    with context.Pool(workers, initializer=learned.use, initargs=(registry,)) as pool:
        # Batches are cut and submitted from this thread (the article stream may query the
        # store, whose connections belong to this thread), at most two per worker in flight:
        # memory stays flat on any corpus and every worker always has the next batch waiting.
        pending: deque[AsyncResult[list[Document | StageFailure]]] = deque()
        for batch in chain([first], batches):
            pending.append(pool.apply_async(_work, (batch, limits, skip)))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def process_stream(
    results: Iterable[Article | ReadFailure],
    workers: int,
    batch_size: int = BATCH_SIZE,
    skip: frozenset[str] = frozenset(),
) -> Iterator[Document | StageFailure | ReadFailure]:
    """Like :func:`process_parallel` over read results; read failures pass through as met."""
    failures: list[ReadFailure] = []

    def articles() -> Iterator[Article]:
        for result in results:
            if isinstance(result, ReadFailure):
                failures.append(result)
            else:
                yield result

    for doc in process_parallel(articles(), workers, batch_size, skip=skip):
        while failures:
            yield failures.pop(0)
        yield doc
    yield from failures
