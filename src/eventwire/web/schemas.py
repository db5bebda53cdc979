"""API response models: the public JSON shapes, kept apart from the storage tables and records.

The store may add columns (coder version, explanations as stored JSON) without changing what the
API promises; each model says where its values come from with a ``from_*`` constructor.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from eventwire.records import Actor, Article, Event, Location, published_iso


class LocationOut(BaseModel):
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    precision: str | None = None

    @classmethod
    def from_location(cls, place: Location | None) -> LocationOut | None:
        return None if place is None else cls(**place.to_dict())


class EventOut(BaseModel):
    """One coded event: the keys of the event record (DESIGN.md)."""

    event_id: str
    doc_id: str
    sentence: int
    text: str = Field(description="the sentence, as the article's text gives it")
    span: list[int] = Field(
        description="[start, end) character offsets into the article's text, from the first "
        "to the last word involved (trigger and actors)"
    )
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
    date: dt.date | None
    date_basis: str
    date_precision: str
    date_end: dt.date | None
    location: LocationOut | None
    negated: bool
    confidence: float
    rule: str

    @classmethod
    def from_event(cls, event: Event) -> EventOut:
        data = event.to_dict()
        data["location"] = LocationOut.from_location(event.location)
        return cls(**data)


class Page(BaseModel):
    """Paging of a list: how many match in all, and which slice this is."""

    total: int
    limit: int
    offset: int


class EventPage(Page):
    sort: str
    order: str
    items: list[EventOut]


class ArticleSummary(BaseModel):
    id: str
    source: str | None
    title: str | None
    published: str | None = Field(description="ISO 8601, with the UTC offset when known")
    url: str | None
    events: int = Field(description="events coded from the article")

    @classmethod
    def from_article(cls, article: Article, events: int) -> ArticleSummary:
        return cls(
            id=article.id,
            source=article.source,
            title=article.title,
            published=published_iso(article.published),
            url=article.url,
            events=events,
        )


class ArticlePage(Page):
    items: list[ArticleSummary]


class MentionOut(BaseModel):
    text: str = Field(description="the article's text[start:end]")
    start: int
    end: int


class ArticleActor(BaseModel):
    name: str
    code: str
    country: str | None
    sector: str | None
    kind: str
    resolved_by: str
    detail: str | None
    mentions: list[MentionOut]

    @classmethod
    def from_actor(cls, actor: Actor) -> ArticleActor:
        return cls(
            name=actor.name,
            code=actor.code,
            country=actor.country,
            sector=actor.sector,
            kind=actor.kind,
            resolved_by=actor.resolved_by,
            detail=actor.detail,
            mentions=[MentionOut(text=m.text, start=m.start, end=m.end) for m in actor.mentions],
        )


class ArticleDetail(ArticleSummary):
    lead: str | None = Field(description="metadata: the text coded is `text`")
    text: str = Field(description="the text as given; every offset indexes it")
    tags: list[str]
    language: str | None
    actors: list[ArticleActor]
    event_list: list[EventOut] = Field(description="the article's events, in text order")


class ActorSide(BaseModel):
    code: str
    name: str
    found_by: str | None
    resolved_by: str | None
    detail: str | None
    mentions: list[str]


class Explanation(BaseModel):
    """Why the event was coded, as recorded by the coder (see `eventwire explain`)."""

    trigger: str | None
    rule: str
    dictionary_line: str | None
    parse_path: str | None
    mood: str | None
    mood_why: str | None
    notes: list[str]
    coder_version: str | None
    source: ActorSide
    target: ActorSide

    @classmethod
    def from_report(cls, report: dict[str, Any]) -> Explanation:
        keys = set(cls.model_fields)
        return cls(**{k: v for k, v in report.items() if k in keys})


class Evidence(BaseModel):
    """Where the event was read: the article and the sentence."""

    article_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    sentence: int
    text: str
    span: list[int]


class EventDetail(BaseModel):
    event: EventOut
    explanation: Explanation
    evidence: Evidence


class ActorSummary(BaseModel):
    code: str
    name: str = Field(
        description="the lexicon's name of a country or international body, else the name the "
        "code is most often mentioned by"
    )
    names: int
    country: str | None
    kind: str | None
    events: int = Field(description="events with this exact code on either side")


class ActorPage(Page):
    items: list[ActorSummary]


class ActorName(BaseModel):
    name: str
    country: str | None
    sector: str | None
    kind: str | None


class DayCount(BaseModel):
    date: dt.date
    count: int
    goldstein: float | None


class Interaction(BaseModel):
    source: str
    target: str
    source_name: str
    target_name: str
    count: int
    goldstein: float | None = Field(description="mean Goldstein score of the dyad's events")


class ActorDetail(BaseModel):
    code: str
    name: str = Field(description="the name to show (as ActorSummary.name)")
    names: list[ActorName]
    events: int
    timeline: list[DayCount] = Field(description="events per day involving the code (prefix)")
    interactions: list[Interaction]


class DayQuad(BaseModel):
    date: dt.date
    quad_class: int | None
    count: int


class RootCount(BaseModel):
    root: str
    count: int


class QuadCount(BaseModel):
    quad_class: int | None
    count: int


class CountryCount(BaseModel):
    country: str
    count: int


class Stats(BaseModel):
    events: int
    articles: int
    first_day: dt.date | None
    last_day: dt.date | None
    mean_goldstein: float | None
    by_day: list[DayQuad]
    by_root: list[RootCount]
    by_quad_class: list[QuadCount]
    by_country: list[CountryCount] = Field(description="by the event location's country")


class SearchResult(Page):
    q: str
    items: list[ArticleSummary]


class Node(BaseModel):
    code: str
    name: str
    events: int


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Interaction]


class Place(BaseModel):
    name: str
    country: str | None
    lat: float
    lon: float
    count: int
    goldstein: float | None
    material_conflict: int


class Problem(BaseModel):
    """An error: ``detail`` says what was wrong (for 422, one entry per bad parameter)."""

    detail: Any


class DyadLink(BaseModel):
    source: str
    target: str
    count: int
    url: str = Field(description="the events page listing these events")


class DyadWeek(BaseModel):
    week: str = Field(description="ISO week, 2024-W03")
    start: dt.date = Field(description="its Monday")
    end: dt.date = Field(description="its Sunday")
    events: int
    a_to_b: int
    b_to_a: int
    by_quad: dict[str, int] = Field(description="events by quad class 1–4")
    goldstein: float | None = Field(description="mean Goldstein score of the week's events")
    conflict_share: float | None = Field(description="share of quad classes 3 and 4")
    history: int = Field(description="weeks with events among the window before this one")
    baseline_share: float | None = Field(description="mean conflict share of that history")
    baseline_goldstein: float | None = Field(description="mean Goldstein of that history")
    breaks: list[str] = Field(description="measures that break from the baseline")
    links: list[DyadLink] = Field(description="the week's events, one link per direction")


class DyadRule(BaseModel):
    window: int
    threshold: float
    min_history: int
    share_floor: float
    goldstein_floor: float
    text: str


class DyadSeries(BaseModel):
    a: str
    b: str
    directed: bool
    match: str = Field(description="prefix or exact")
    since: dt.date | None
    until: dt.date | None
    events: int = Field(description="dated, affirmed events of the pair in the weeks shown")
    undated: int = Field(description="affirmed events without a date (in no week)")
    rule: DyadRule
    weeks: list[DyadWeek] = Field(description="every ISO week from the first event's to the last")
