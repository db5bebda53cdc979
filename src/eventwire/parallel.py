"""Local parallelism: the pipeline over batches of articles in worker processes, order kept.

Workers are forked from a server that has loaded the spaCy model and the lexicons once
(:mod:`eventwire.preload`) and process whole batches (parsing a batch at once is what makes
spaCy fast); the parent keeps reading and writing, so a single SQLite writer stays
the only writer. Documents come back without their spaCy parse, which is large and no longer
needed once actors and events are coded.

The per-article time limit holds inside a stage too: a worker arms a kernel alarm (SIGALRM
left at its default action, which ends the process) for ``max_seconds`` around each task, so a
stage stuck in compiled code (spaCy's tokenizer, the parser) cannot outlive it. The alarm is
disarmed before the result is sent, so a worker never dies holding the pool's result pipe. The
parent sees the task's start marker and its dead worker (the pool starts a new one), and
submits the batch again one article per task, each with the whole limit: the one that overruns
again is reported, the rest are coded.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, count, islice
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from eventwire.actors import learned
from eventwire.config import Limits
from eventwire.forkserver import start_workers
from eventwire.pipeline import Document, StageFailure, process_all
from eventwire.records import Article, ReadFailure

# Articles per task. Small enough that both workers finish close together (the last batch
# decides when a run ends: ~1 s of one core at 16 news articles), large enough for spaCy to
# parse efficiently (8 to 64 texts per call parse 120 articles in the same CPU time).
BATCH_SIZE = 16


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
            # spaCy Docs are large to send back and not needed after coding
            doc.parsed = doc.title_parsed = None
            yield doc
        elif isinstance(doc, StageFailure):
            yield doc


def _work(
    batch: list[Article],
    limits: Limits,
    skip: frozenset[str] = frozenset(),
    marker: str | None = None,
) -> list[Document | StageFailure]:
    if marker is None:
        return list(_coded(batch, limits, skip))
    _arm(Path(marker), limits.max_seconds)
    _cap_memory(limits.max_worker_mb)
    try:
        return list(_coded(batch, limits, skip))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _arm(marker: Path, seconds: float) -> None:
    """Say which process runs the task (for the parent's watch), then let the kernel end this
    process if the task is still running in ``seconds``."""
    marker.write_text(str(os.getpid()), encoding="ascii")
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _cap_memory(megabytes: int) -> None:
    """Cap this worker's address space: an allocation past it raises MemoryError, which fails
    the article that needed it (its batch is parsed again one article at a time)."""
    cap = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


@dataclass
class _Task:
    batch: list[Article]
    result: AsyncResult[list[Document | StageFailure]]
    marker: Path


# How often the parent looks at a task it waits for (a worker ended by its alarm is reaped by
# the pool within 0.1 s, so its pid is gone by the next look).
POLL_SECONDS = 0.2


def _worker_died(marker: Path) -> float | None:
    """Seconds the task that wrote ``marker`` ran before its worker died (its alarm, or a
    crash), or None while it runs (or has not started)."""
    try:
        started = marker.stat().st_mtime
        pid = int(marker.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None  # not started yet (or the marker is being written)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return time.time() - started
    return None


def _overran(article: Article, limits: Limits, seconds: float) -> StageFailure:
    if seconds >= limits.max_seconds:
        reason = (
            f"still running after {limits.max_seconds:g} s, the limit "
            "(EVENTWIRE_MAX_ARTICLE_SECONDS); its worker was stopped and replaced"
        )
    else:
        reason = f"its worker died after {seconds:.1f} s (a crash in compiled code); replaced"
    return StageFailure(article.id, "pipeline", reason)


class _Watched:
    """Tasks on a pool whose overrunning workers die; each batch's results, or its articles'."""

    def __init__(self, pool: Pool, limits: Limits, skip: frozenset[str], folder: Path) -> None:
        self.pool, self.limits, self.skip, self.folder = pool, limits, skip, folder
        self.keys = count()

    def submit(self, batch: list[Article]) -> _Task:
        marker = self.folder / str(next(self.keys))
        args = (batch, self.limits, self.skip, str(marker))
        return _Task(batch, self.pool.apply_async(_work, args), marker)

    def collect(self, task: _Task) -> list[Document | StageFailure]:
        while True:
            try:
                return task.result.get(timeout=POLL_SECONDS)
            except multiprocessing.TimeoutError:
                seconds = _worker_died(task.marker)
                if seconds is not None:
                    break
        if len(task.batch) == 1:
            return [_overran(task.batch[0], self.limits, seconds)]
        # Which article overran is unknown (the batch is parsed at once): each on its own.
        singles = [self.submit([article]) for article in task.batch]
        return [result for single in singles for result in self.collect(single)]


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
    with (
        context.Pool(workers, initializer=learned.use, initargs=(registry,)) as pool,
        tempfile.TemporaryDirectory(prefix="eventwire-tasks-") as folder,
    ):
        watched = _Watched(pool, limits, skip, Path(folder))
        # Batches are cut and submitted from this thread (the article stream may query the
        # store, whose connections belong to this thread), at most two per worker in flight:
        # memory stays flat on any corpus and every worker always has the next batch waiting.
        pending: deque[_Task] = deque()
        for batch in chain([first], batches):
            pending.append(watched.submit(batch))
            if len(pending) >= 2 * workers:
                yield from watched.collect(pending.popleft())
        while pending:
            yield from watched.collect(pending.popleft())


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
