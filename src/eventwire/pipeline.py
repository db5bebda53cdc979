"""The pipeline's order in one list: each stage takes and returns a Document, per article."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from eventwire.records import Actor, Article, Event, Notice, ReadFailure, Sentence


def body_of(article: Article) -> str:
    """The text that is parsed and coded: the lead (when kept apart) then the text.

    Sentence indexes and character offsets of mentions and events refer to this string.
    """
    return f"{article.lead}\n\n{article.text}" if article.lead else article.text


@dataclass
class Document:
    """An article on its way through the stages; each stage fills its own part.

    ``parsed`` is the spaCy ``Doc`` of ``body`` (set by the nlp stage, never stored).
    """

    article: Article
    body: str = ""
    parsed: Any = None
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Why each event was coded (event_id -> explanation), for `eventwire explain`.
    explanations: dict[str, dict[str, Any]] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    # MinHash of the body (see eventwire.dedupe): the store groups near-duplicates into stories.
    fingerprint: bytes | None = None

    def __post_init__(self) -> None:
        if not self.body:
            self.body = body_of(self.article)


Stage = Callable[[Document], Document]


def _nlp(doc: Document) -> Document:
    from eventwire import nlp  # spaCy loads on first use, not when the CLI starts

    return nlp.stage(doc)


def _actors(doc: Document) -> Document:
    from eventwire.actors import recognize

    return recognize.stage(doc)


def _events(doc: Document) -> Document:
    from eventwire.events import coder

    return coder.stage(doc)


def _situate(doc: Document) -> Document:
    from eventwire import situate

    return situate.stage(doc)


def _dedupe(doc: Document) -> Document:
    from eventwire import dedupe

    return dedupe.stage(doc)


# The stages in data-flow order (see docs/architecture.md). Reading and cleaning happen in the
# readers, so an article enters here already normalised.
STAGES: list[tuple[str, Stage]] = [
    ("nlp", _nlp),
    ("actors", _actors),
    ("events", _events),
    ("when_where", _situate),
    ("dedupe", _dedupe),
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
    results: Iterable[Article | ReadFailure], batch_size: int = 64
) -> Iterator[Document | ReadFailure | StageFailure]:
    """Process a stream of read results in batches, passing read failures through in order.

    Parsing a batch at once (``nlp.pipe``) is several times faster than one text at a time;
    a batch whose parse fails falls back to one article at a time, so only the bad one fails.
    """
    batch: list[Article | ReadFailure] = []
    for result in results:
        batch.append(result)
        if len(batch) >= batch_size:
            yield from _process_batch(batch)
            batch = []
    yield from _process_batch(batch)


def _process_batch(
    batch: list[Article | ReadFailure],
) -> Iterator[Document | ReadFailure | StageFailure]:
    from eventwire import nlp

    docs = [Document(article=r) for r in batch if isinstance(r, Article)]
    try:
        for doc, parsed in zip(docs, nlp.parse_many([d.body for d in docs]), strict=True):
            nlp.attach(doc, parsed)
    except Exception:  # the per-article path below reports the culprit
        for doc in docs:
            doc.parsed = None
    ready = iter(docs)
    for result in batch:
        yield result if isinstance(result, ReadFailure) else process_document(next(ready))


def process(
    article: Article, stages: list[tuple[str, Stage]] | None = None
) -> Document | StageFailure:
    """Run one article through every stage, turning an unexpected error into a StageFailure."""
    return process_document(Document(article=article), stages)


def process_document(
    doc: Document, stages: list[tuple[str, Stage]] | None = None
) -> Document | StageFailure:
    """Run a Document through the stages (the nlp stage skips a Document parsed already)."""
    article = doc.article
    for name, stage in STAGES if stages is None else stages:
        try:
            doc = stage(doc)
        except Exception as exc:
            return StageFailure(article.id, name, f"{type(exc).__name__}: {exc}")
    return doc
