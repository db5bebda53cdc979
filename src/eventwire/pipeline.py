"""The pipeline's order in one list: each stage takes and returns a Document, per article."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from eventwire import dedupe, guards, nlp, offsets
from eventwire.actors import recognize
from eventwire.config import MAX_PARSE_CHARS, Limits
from eventwire.document import Document, body_of
from eventwire.events import coder
from eventwire.records import Article, Event, ReadFailure
from eventwire.whenwhere import stage as when_where

__all__ = ["STAGES", "Document", "StageFailure", "body_of", "code_document", "code_text"]


Stage = Callable[[Document], Document]


# The stages in data-flow order (see docs/architecture.md). Reading happens in the readers; the
# stages read the normalised body, and the last one maps what they found onto the text as given.
STAGES: list[tuple[str, Stage]] = [
    ("nlp", nlp.stage),
    ("actors", recognize.stage),
    ("events", coder.stage),
    ("when_where", when_where.stage),
    ("dedupe", dedupe.stage),
    ("offsets", offsets.stage),
]


@dataclass
class StageFailure:
    """One article that a stage could not process; the batch goes on without it."""

    article_id: str
    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.article_id}: {self.stage} failed: {self.reason}"


def process_all(
    results: Iterable[Article | ReadFailure],
    batch_size: int = 64,
    limits: Limits | None = None,
    skip: frozenset[str] = frozenset(),
) -> Iterator[Document | ReadFailure | StageFailure]:
    """Process a stream of read results in batches, passing read failures through in order.

    Parsing a batch at once (``nlp.pipe``) is several times faster than one text at a time;
    a batch whose parse fails falls back to one article at a time, so only the bad one fails.
    ``limits`` (default: from the environment) bound each article's sentences and coding time;
    ``skip`` names stages whose output the caller does not use (``code`` stores no story
    fingerprints: ``{"dedupe"}``).
    """
    limits = limits or Limits.from_env()
    stages = [(name, stage) for name, stage in STAGES if name not in skip]
    batch: list[Article | ReadFailure] = []
    for result in results:
        batch.append(result)
        if len(batch) >= batch_size:
            yield from _process_batch(batch, limits, stages)
            batch = []
    yield from _process_batch(batch, limits, stages)


def refusal(doc: Document, limits: Limits) -> StageFailure | None:
    """Why a Document must not be parsed at all (:mod:`eventwire.guards`), as its failure."""
    if len(doc.body) > MAX_PARSE_CHARS:
        reason = (
            f"body is {len(doc.body):,} characters, over the {MAX_PARSE_CHARS:,} the parser "
            "takes (split the article, or lower --max-bytes to skip such records while reading)"
        )
        return StageFailure(doc.article.id, "nlp", reason)
    problem = guards.unparsable(doc.body, limits.max_sentences)
    return None if problem is None else StageFailure(doc.article.id, "nlp", problem)


def parse_batch(docs: list[Document]) -> None:
    """Parse the bodies of a batch of Documents, and their headlines, in one pass each."""
    for doc, parsed in zip(docs, nlp.parse_many([d.body for d in docs]), strict=True):
        nlp.attach(doc, parsed)
    titled = [d for d in docs if d.article.title]
    titles = nlp.parse_titles([d.article.title or "" for d in titled])
    for doc, parsed in zip(titled, titles, strict=True):
        doc.title_parsed = parsed


def _process_batch(
    batch: list[Article | ReadFailure], limits: Limits, stages: list[tuple[str, Stage]]
) -> Iterator[Document | ReadFailure | StageFailure]:
    docs = [Document(article=r) for r in batch if isinstance(r, Article)]
    # A body over a limit is refused before parsing: parsing it would cost the time and memory
    # the limit is there to bound (and spaCy refuses an over-long one only after failing the
    # whole batch, which then has to be parsed again one article at a time).
    refused = {id(d): failure for d in docs if (failure := refusal(d, limits)) is not None}
    parsable = [d for d in docs if id(d) not in refused]
    try:
        parse_batch(parsable)
    except Exception:  # the per-article path below reports the culprit
        for doc in parsable:
            doc.parsed = doc.title_parsed = None
    ready = iter(docs)
    for result in batch:
        if isinstance(result, ReadFailure):
            yield result
            continue
        doc = next(ready)
        yield refused.get(id(doc)) or process_document(doc, stages, limits)


def process(
    article: Article, stages: list[tuple[str, Stage]] | None = None
) -> Document | StageFailure:
    """Run one article through every stage, turning an unexpected error into a StageFailure."""
    return process_document(Document(article=article), stages)


def _over_limit(doc: Document, seconds: float, limits: Limits) -> str | None:
    if len(doc.sentences) > limits.max_sentences:
        return (
            f"{len(doc.sentences):,} sentences, over the limit of {limits.max_sentences:,} "
            "(EVENTWIRE_MAX_SENTENCES)"
        )
    if seconds > limits.max_seconds:
        return (
            f"coding took {seconds:.1f} s, over the limit of {limits.max_seconds:g} s "
            "(EVENTWIRE_MAX_ARTICLE_SECONDS)"
        )
    return None


def process_document(
    doc: Document, stages: list[tuple[str, Stage]] | None = None, limits: Limits | None = None
) -> Document | StageFailure:
    """Run a Document through the stages (the nlp stage skips a Document parsed already).

    The limits are checked after each stage: a stage cannot be interrupted safely mid-way (it
    may hold spaCy state), but the sentence cap, checked right after parsing, keeps the later
    stages short, and the time limit stops an article between stages.
    """
    limits = limits or Limits.from_env()
    article = doc.article
    if doc.parsed is None and (refused := refusal(doc, limits)) is not None:
        return refused
    started = time.perf_counter()
    for name, stage in STAGES if stages is None else stages:
        try:
            doc = stage(doc)
        except MemoryError:
            reason = (
                f"out of memory (a worker may use {limits.max_worker_mb:,} MB, "
                "EVENTWIRE_MAX_WORKER_MB)"
            )
            return StageFailure(article.id, name, reason)
        except Exception as exc:
            return StageFailure(article.id, name, f"{type(exc).__name__}: {exc}")
        problem = _over_limit(doc, time.perf_counter() - started, limits)
        if problem is not None:
            return StageFailure(article.id, name, problem)
    return doc


def code_document(doc: Document) -> Document:
    """Run every stage (parse, actors, events, dates and places, offsets) on a fresh Document.

    Unlike :func:`process`, a failing stage raises: this is for tests and evaluation, where an
    error must be seen, not counted.
    """
    for _, run in STAGES:
        doc = run(doc)
    return doc


def code_text(
    text: str, published: date | datetime | None = None, doc_id: str = "text"
) -> list[Event]:
    """Parse, recognise actors and code one text: the convenience entry for tests and eval."""
    doc = Document(article=Article(id=doc_id, text=text, published=published))
    return code_document(doc).events
