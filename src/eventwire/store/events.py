"""Event queries: the filters shared by the CLI, the API and exports, and rows back to Events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, Table, or_, select

from eventwire.records import Event, Location
from eventwire.store.models import ArticleRow, EventRow

_events = cast(Table, EventRow.__table__)


@dataclass(frozen=True)
class EventFilter:
    """Which events to return; every field given must hold.

    Actor codes match by prefix, as CAMEO codes are hierarchical: ``source="IRN"`` finds IRN,
    IRNGOV and IRNMIL; ``actor`` matches either side. ``cameo`` is a prefix too (``"04"`` finds
    040–046); ``root`` and ``plover`` are exact. ``since``/``until`` bound the event date.
    """

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    cameo: str | None = None
    root: str | None = None
    plover: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    doc_id: str | None = None
    negated: bool | None = None


def _prefix(column: Any, value: str) -> ColumnElement[bool]:
    # Codes are [A-Z0-9]; escape LIKE's wildcards anyway, since the value comes from a user.
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return cast(ColumnElement[bool], column.like(f"{escaped}%", escape="\\"))


def apply_filter(stmt: Select[Any], flt: EventFilter) -> Select[Any]:
    """Add the filter's conditions to a select over the events table."""
    c = _events.c
    if flt.source:
        stmt = stmt.where(_prefix(c.source, flt.source.upper()))
    if flt.target:
        stmt = stmt.where(_prefix(c.target, flt.target.upper()))
    if flt.actor:
        code = flt.actor.upper()
        stmt = stmt.where(or_(_prefix(c.source, code), _prefix(c.target, code)))
    if flt.cameo:
        stmt = stmt.where(_prefix(c.cameo, flt.cameo))
    if flt.root:
        stmt = stmt.where(c.root == flt.root.zfill(2))
    if flt.plover:
        stmt = stmt.where(c.plover == flt.plover.upper())
    if flt.since is not None:
        stmt = stmt.where(c.date >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(c.date <= flt.until)
    if flt.doc_id is not None:
        stmt = stmt.where(c.doc_id == flt.doc_id)
    if flt.negated is not None:
        stmt = stmt.where(c.negated == flt.negated)
    return stmt


def events_select() -> Select[Any]:
    return select(_events)


def row_to_event(row: Any) -> Event:
    location = row.location
    return Event(
        event_id=row.event_id,
        doc_id=row.doc_id,
        sentence=row.sentence,
        text=row.text,
        span=(row.span_start, row.span_end),
        source=row.source,
        source_name=row.source_name or "",
        target=row.target,
        target_name=row.target_name or "",
        cameo=row.cameo,
        root=row.root,
        plover=row.plover,
        plover_mode=row.plover_mode,
        quad_class=row.quad_class,
        goldstein=row.goldstein,
        date=row.date.isoformat() if row.date else None,
        date_basis=row.date_basis or "",
        location=Location(**location) if location else None,
        negated=bool(row.negated),
        confidence=row.confidence if row.confidence is not None else 0.0,
        rule=row.rule or "",
    )


def order_events(stmt: Select[Any]) -> Select[Any]:
    """Newest events last: by date, then article and sentence, so output reads as a timeline."""
    c = _events.c
    return stmt.order_by(c.date, c.doc_id, c.sentence, c.event_id)


EVENTS = _events


def event_groups_select(flt: EventFilter) -> Select[Any]:
    """Events of one story with the same dyad, code and date, as one row with GDELT's counts.

    ``mentions`` is how many stored events (sentences of articles) say it, ``sources`` how many
    distinct outlets; ``event_ids`` lists every piece of evidence.
    """
    from sqlalchemy import func

    articles = cast(Table, ArticleRow.__table__)
    c = _events.c
    story = func.coalesce(articles.c.story_id, c.doc_id)
    stmt = (
        select(
            story.label("story_id"),
            c.source,
            c.target,
            c.cameo,
            c.date,
            func.min(c.source_name).label("source_name"),
            func.min(c.target_name).label("target_name"),
            func.min(c.plover).label("plover"),
            func.min(c.goldstein).label("goldstein"),
            func.count().label("mentions"),
            func.count(func.distinct(func.lower(func.coalesce(articles.c.source, c.doc_id)))).label(
                "sources"
            ),
            # Every piece of evidence, portable across SQLite (group_concat) and PostgreSQL.
            func.aggregate_strings(c.event_id, ",").label("event_ids"),
        )
        .join(articles, articles.c.id == c.doc_id)
        .group_by(story, c.source, c.target, c.cameo, c.date)
    )
    return apply_filter(stmt, flt).order_by(c.date, story, c.source, c.target, c.cameo)


def group_dict(row: Any) -> dict[str, Any]:
    group = dict(row._mapping)
    group["date"] = group["date"].isoformat() if group["date"] else None
    group["event_ids"] = sorted(group["event_ids"].split(",")) if group["event_ids"] else []
    return group
