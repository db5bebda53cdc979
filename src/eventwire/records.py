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
    the normalised text (see :func:`eventwire.clean.content_id`). ``text`` is what is coded and
    what every offset indexes: the input's text as given (JSONL, CSV, plain text), or the text a
    reader built (HTML, feeds, the scraped layout). ``lead`` is metadata. ``wrapped`` says the
    text's single line breaks are where its lines were wrapped (a plain text file), so the parser
    reads them as spaces; in a record's text they stay line breaks.
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
    wrapped: bool = False

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


@dataclass
class Sentence:
    """A sentence of an article; ``start``/``end`` are character offsets into its text."""

    idx: int
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """One place in the text where an actor is named or referred to ("Shamkhani", "he")."""

    text: str
    start: int
    end: int
    sentence: int
    resolved_by: str  # dictionary | role | learned | coref | ner

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Actor:
    """Someone who can act in an event: a state, a person by role, an organisation, a group.

    ``code`` is CAMEO style: ISO3 country + optional sector codes (IRNGOV, SYRMIL), ``IGO…`` or
    ``NGO…`` for organisations, ``""`` when unknown. ``resolved_by`` says how the code was found.
    """

    name: str
    code: str
    country: str | None
    sector: str | None
    kind: str
    resolved_by: str  # dictionary | role | learned | coref | ner
    mentions: list[Mention] = field(default_factory=list)
    detail: str | None = None  # how it was resolved, for `explain` ("title: Foreign Minister")
    # A person coded from this article's text with a code the lexicon does not give them on its
    # day: what the learned actor registry learns (eventwire.actors.learned). Not stored.
    learnable: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
            "resolved_by": self.resolved_by,
        }


@dataclass(frozen=True)
class LearnedSupport:
    """One article coding a named person from its own text ("US Ambassador to Hungary Walter
    Brenneman" -> USAGOV): what the learned actor registry (:mod:`eventwire.actors.learned`)
    keeps, one per article, name and code. ``name`` is the matching key (lowercase words),
    ``shown`` the name as written; ``day`` is the article's publication day; ``sentence``,
    ``start`` and ``end`` locate the name's mention in the article's text."""

    name: str
    code: str
    day: date
    article_id: str
    shown: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class LearnedCode:
    """A (name, code) pair of the learned registry with its support: the first and last
    publication days of the articles coding the name so, how many they are, and one of them
    (the most recent) as the example."""

    name: str
    code: str
    first: date
    last: date
    articles: int
    example: LearnedSupport

    @classmethod
    def of(cls, support: LearnedSupport) -> LearnedCode:
        return cls(support.name, support.code, support.day, support.day, 1, support)

    def with_support(self, support: LearnedSupport) -> LearnedCode:
        """This pair with one more supporting article (of the same name and code); the example
        is the most recent support (on one day, the greatest article id)."""
        newest = (support.day, support.article_id) > (self.example.day, self.example.article_id)
        return LearnedCode(
            self.name,
            self.code,
            min(self.first, support.day),
            max(self.last, support.day),
            self.articles + 1,
            support if newest else self.example,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.example.shown,
            "code": self.code,
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "articles": self.articles,
            "example_article": self.example.article_id,
            "example_sentence": self.example.sentence,
            "example_start": self.example.start,
            "example_end": self.example.end,
        }


@dataclass
class Location:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    # How precisely the place is known: "country" | "admin1" | "city" | "landmark" (a building
    # placed at its city's point), None when unknown (a name the gazetteer lacks; rows stored
    # before the field existed).
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "precision": self.precision,
        }


@dataclass(frozen=True)
class PlaceRef:
    """A place phrase of the body: its head token and where it was geocoded."""

    head: int  # token index of the place name's root
    location: Location
    # Whether later sentences inherit it: it says where the story's action is (a place of a main
    # clause's verb or of a gathering), not where something else was ("a crisis in Syria").
    frames: bool = False


# The event record's keys in the order of DESIGN.md: JSON keys, CSV columns, database columns.
EVENT_KEYS = (
    "event_id",
    "doc_id",
    "sentence",
    "text",
    "span",
    "source",
    "source_name",
    "target",
    "target_name",
    "cameo",
    "root",
    "plover",
    "plover_mode",
    "quad_class",
    "goldstein",
    "date",
    "date_basis",
    "location",
    "negated",
    "confidence",
    "rule",
    "date_precision",
    "date_end",
)


@dataclass
class Event:
    """One coded event: the record contract of DESIGN.md (same keys in JSON, CSV and the store)."""

    event_id: str
    doc_id: str
    sentence: int
    text: str
    span: tuple[int, int]
    source: str
    source_name: str
    target: str
    target_name: str
    cameo: str
    root: str
    plover: str | None
    plover_mode: str | None
    quad_class: int | None
    goldstein: float | None
    date: str | None
    date_basis: str
    location: Location | None
    negated: bool
    confidence: float
    rule: str
    # How much of a day the date stands for (issue 17): day | week | month | year; ``date`` is
    # the period's first day and ``date_end`` its last (None for a single day).
    date_precision: str = "day"
    date_end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "text": self.text,
            "span": list(self.span),
            "source": self.source,
            "source_name": self.source_name,
            "target": self.target,
            "target_name": self.target_name,
            "cameo": self.cameo,
            "root": self.root,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "date": self.date,
            "date_basis": self.date_basis,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "confidence": self.confidence,
            "rule": self.rule,
            "date_precision": self.date_precision,
            "date_end": self.date_end,
        }
