"""Read, process and store articles: the one ingestion loop behind the CLI, API and workers."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire import __version__, sources
from eventwire.actors import learned
from eventwire.config import DEFAULT_MAX_ARTICLE_BYTES, Limits
from eventwire.errors import StoreError
from eventwire.parallel import process_parallel
from eventwire.pipeline import Document, Stage, StageFailure, process_document
from eventwire.records import Article, Notice, ReadFailure
from eventwire.store import CodedParts, Store


@dataclass
class IngestSummary:
    """What one ingestion run did; ``failures`` name the file, line and reason of each."""

    read: int = 0
    new: int = 0
    # Stored articles coded again (--reprocess): their coded parts replaced, the article kept.
    recoded: int = 0
    duplicate: int = 0
    # Remote workers (eventwire.distributed) report their failures as text.
    failures: list[ReadFailure | StageFailure | str] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    seconds: float = 0.0
    # Why the run ended early: the store refused a write or read (disk full, read-only, locked
    # past its timeout). Everything counted as new or recoded before it is stored, whole.
    stopped: str | None = None

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures and self.stopped is None

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "new": self.new,
            "recoded": self.recoded,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "warnings": len(self.warnings),
            "seconds": round(self.seconds, 3),
            "stopped": self.stopped,
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
    reprocess: bool = False,
    limits: Limits | None = None,
    calendar: str | None = None,
    follow_links: bool = False,
) -> IngestSummary:
    """Read every record under ``paths``, process the new ones and store each atomically.

    1. Read records lazily, so memory does not grow with the corpus.
    2. Skip an article whose id is stored already: re-ingesting adds nothing. With
       ``reprocess``, a stored article is coded again instead, from its stored text (the text
       its sentence offsets point into), and its coded parts are replaced.
    3. Process the rest through the pipeline; a failing article is reported, not fatal.
    4. Store each article in its own transaction, so a crash never leaves half of one.

    The coder consults the learned actor registry (:mod:`eventwire.actors.learned`) as the store
    holds it when the run starts; on one worker each new article also learns from the ones
    stored before it in the run.

    ``stages`` replaces the pipeline's stages (``[]`` stores articles without coding them);
    ``workers`` > 1 codes batches of articles in that many processes (writes stay here);
    ``follow_links`` reads symbolic links that lead out of an input folder (skipped, with a
    warning, by default; see :func:`eventwire.sources.read`).
    """
    run = _Run(store, on_progress)
    summary = run.summary

    # 1. and 2.: new articles flow on; failures and duplicates are counted as they are met.
    def fresh() -> Iterator[Article]:
        results = sources.read(
            paths,
            fmt=fmt,
            encoding=encoding,
            max_bytes=max_bytes,
            calendar=calendar,
            follow_links=follow_links,
            on_skip=summary.warnings.append,
        )
        for result in results:
            if isinstance(result, ReadFailure):
                summary.failures.append(result)
            else:
                summary.read += 1
                summary.warnings.extend(result.warnings)
                stored = store.get_article(result.id) if reprocess else None
                if stored is not None:
                    run.recode.add(stored.id)
                    yield stored
                elif reprocess or not store.has_article(result.id):
                    yield result
                else:
                    summary.duplicate += 1
            run.tick()

    return run.finish(fresh(), stages, workers, limits)


def reprocess(
    ids: Iterable[str],
    store: Store,
    *,
    on_progress: Progress | None = None,
    workers: int = 1,
    limits: Limits | None = None,
) -> IngestSummary:
    """Code stored articles again with the current coder, replacing each one's coded parts in
    one transaction; an id that is not stored is reported as a failure."""
    run = _Run(store, on_progress)

    def stored() -> Iterator[Article]:
        for article_id in ids:
            article = store.get_article(article_id)
            if article is None:
                run.summary.failures.append(f"{article_id}: no stored article with this id")
            else:
                run.summary.read += 1
                run.recode.add(article.id)
                yield article
            run.tick()

    return run.finish(stored(), None, workers, limits)


class _Run:
    """The state of one ingest or reprocess run: counts, the clock, the ids to recode."""

    def __init__(self, store: Store, on_progress: Progress | None) -> None:
        self.store = store
        self.summary = IngestSummary()
        self.recode: set[str] = set()
        # The learned registry as stored when the run starts (read in finish()).
        self.registry = learned.Registry()
        self._on_progress = on_progress
        self._started = time.perf_counter()

    def tick(self) -> None:
        self.summary.seconds = time.perf_counter() - self._started
        if self._on_progress is not None:
            self._on_progress(self.summary)

    def finish(
        self,
        articles: Iterator[Article],
        stages: list[tuple[str, Stage]] | None,
        workers: int,
        limits: Limits | None,
    ) -> IngestSummary:
        # A store error is not one record's fault: every later write would fail the same way, so
        # the run stops there with what it stored (each article was its own transaction).
        try:
            self._code_and_store(articles, stages, workers, limits)
        except StoreError as exc:
            self.summary.stopped = str(exc)
        self.summary.seconds = time.perf_counter() - self._started
        return self.summary

    def _code_and_store(
        self,
        articles: Iterator[Article],
        stages: list[tuple[str, Stage]] | None,
        workers: int,
        limits: Limits | None,
    ) -> None:
        # 3. In this process (one worker) articles are coded one at a time after the previous
        # one is stored, so the registry learns as it goes; worker processes get the snapshot.
        self.registry = learned.Registry(self.store.learned_codes())
        if stages is not None:
            coded: Iterator[Document | StageFailure] = (
                process_document(Document(article=a), stages, limits) for a in articles
            )
        else:
            coded = process_parallel(articles, workers, limits=limits, registry=self.registry)
        try:
            with learned.using(self.registry):
                for doc in coded:
                    if isinstance(doc, StageFailure):
                        self.recode.discard(doc.article_id)
                        self.summary.failures.append(doc)
                    else:
                        self._store(doc)
                    self.tick()
        finally:
            # Stopping early must not leave worker processes behind.
            close = getattr(coded, "close", None)
            if close is not None:
                close()

    def _store(self, doc: Document) -> None:
        summary = self.summary
        summary.warnings.extend(doc.notices)
        parts = coded_parts(doc)
        article_id = doc.article.id
        if article_id in self.recode:
            self.recode.discard(article_id)
            if self.store.recode_article(article_id, parts):
                summary.recoded += 1
                return
            # Deleted since it was read back: it is stored anew below.
        # 4. add_article is False when another process stored the same id meanwhile.
        if self.store.add_article(doc.article, parts):
            summary.new += 1
            # A recoded article's support was in the snapshot already; a new one's was not.
            self.registry.learn(parts.learned)
        else:
            summary.duplicate += 1


def coded_parts(doc: Document) -> CodedParts:
    """What the coder added to an article, as the store writes it (``Store.add_article`` and
    ``Store.recode_article``)."""
    return CodedParts(
        sentences=doc.sentences,
        actors=doc.actors,
        events=doc.events,
        explanations=doc.explanations,
        coder_version=__version__,
        fingerprint=doc.fingerprint,
        learned=learned.supports_of(doc),
    )
