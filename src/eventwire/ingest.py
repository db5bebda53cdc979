"""Read, process and store articles: the one ingestion loop behind the CLI, API and workers."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire import __version__, sources
from eventwire.config import DEFAULT_MAX_ARTICLE_BYTES
from eventwire.parallel import process_parallel
from eventwire.pipeline import Document, Stage, StageFailure, process
from eventwire.records import Article, Notice, ReadFailure
from eventwire.store import Store


@dataclass
class IngestSummary:
    """What one ingestion run did; ``failures`` name the file, line and reason of each."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    # Remote workers (eventwire.distributed) report their failures as text.
    failures: list[ReadFailure | StageFailure | str] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "warnings": len(self.warnings),
            "seconds": round(self.seconds, 3),
        }


Progress = Callable[[IngestSummary], None]


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    on_progress: Progress | None = None,
    stages: list[tuple[str, Stage]] | None = None,
    workers: int = 1,
) -> IngestSummary:
    """Read every record under ``paths``, process the new ones and store each atomically.

    1. Read records lazily, so memory does not grow with the corpus.
    2. Skip an article whose id is stored already: re-ingesting adds nothing.
    3. Process the rest through the pipeline; a failing article is reported, not fatal.
    4. Store each article in its own transaction, so a crash never leaves half of one.

    ``stages`` replaces the pipeline's stages (``[]`` stores articles without coding them);
    ``workers`` > 1 codes batches of articles in that many processes (writes stay here).
    """
    summary = IngestSummary()
    started = time.perf_counter()

    def tick() -> None:
        summary.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(summary)

    # 1. and 2.: new articles flow on; failures and duplicates are counted as they are met.
    def fresh() -> Iterator[Article]:
        for result in sources.read(paths, fmt=fmt, encoding=encoding, max_bytes=max_bytes):
            if isinstance(result, ReadFailure):
                summary.failures.append(result)
            else:
                summary.read += 1
                summary.warnings.extend(result.warnings)
                if store.has_article(result.id):
                    summary.duplicate += 1
                else:
                    yield result
            tick()

    # 3.
    if stages is not None:
        coded: Iterator[Document | StageFailure] = (process(a, stages) for a in fresh())
    else:
        coded = process_parallel(fresh(), workers)
    for doc in coded:
        if isinstance(doc, StageFailure):
            summary.failures.append(doc)
        else:
            _store(doc, store, summary)
        tick()
    summary.seconds = time.perf_counter() - started
    return summary


def _store(doc: Document, store: Store, summary: IngestSummary) -> None:
    summary.warnings.extend(doc.notices)
    # 4. add_article is False when another process stored the same id meanwhile.
    if store.add_article(
        doc.article,
        sentences=doc.sentences,
        actors=doc.actors,
        events=doc.events,
        coder_version=__version__,
        explanations=doc.explanations,
        fingerprint=doc.fingerprint,
    ):
        summary.new += 1
    else:
        summary.duplicate += 1
