"""The data contract: typed records passed between the pipeline's stages."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from eventwire.errors import Where

Published = datetime | date


def published_iso(value: Published | None) -> str | None:
    """ISO 8601 text of a publication time: with its UTC offset when known, else the bare day."""
    if value is None:
        return None
    return value.isoformat()


def published_day(value: Published | None) -> date | None:
    """The calendar day of publication in the source's own time zone."""
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


@dataclass
class Notice:
    """Something a reader could not fill or had to guess; the record is still usable."""

    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Article:
    """One news article, as read from any source format.

    ``id`` is the identity used for idempotent ingestion: the id given by the input, else a hash of
    the normalised text (see :func:`eventwire.clean.content_id`).
    """

    id: str
    text: str
    title: str | None = None
    lead: str | None = None
    source: str | None = None
    published: Published | None = None
    news_code: str | None = None
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    origin: Where | None = None
    warnings: list[Notice] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The article's public JSON form (keys as in the CLI contract)."""
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "lead": self.lead,
            "text": self.text,
            "published": published_iso(self.published),
            "news_code": self.news_code,
            "tags": list(self.tags),
            "url": self.url,
            "language": self.language,
            "meta": dict(self.meta),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass
class ReadFailure:
    """A record or file a reader could not turn into an article."""

    where: Where
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


ReadResult = Article | ReadFailure
