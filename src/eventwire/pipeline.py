"""The pipeline's order in one list: each stage takes and returns a Document, per article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from eventwire.records import Article, Notice


@dataclass
class Document:
    """An article on its way through the stages; each stage fills its own part."""

    article: Article
    notices: list[Notice] = field(default_factory=list)


Stage = Callable[[Document], Document]

# The stages in data-flow order (see docs/architecture.md). Reading and cleaning happen in the
# readers, so an article enters here already normalised; NLP, actors and events are added here.
STAGES: list[tuple[str, Stage]] = []


@dataclass
class StageFailure:
    """One article that a stage could not process; the batch goes on without it."""

    article_id: str
    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.article_id}: {self.stage} failed: {self.reason}"


def process(
    article: Article, stages: list[tuple[str, Stage]] | None = None
) -> Document | StageFailure:
    """Run one article through every stage, turning an unexpected error into a StageFailure."""
    doc = Document(article=article)
    for name, stage in STAGES if stages is None else stages:
        try:
            doc = stage(doc)
        except Exception as exc:
            return StageFailure(article.id, name, f"{type(exc).__name__}: {exc}")
    return doc
