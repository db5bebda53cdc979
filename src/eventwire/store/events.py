"""Event queries: the filters shared by the CLI, the API and exports, and rows back to Events."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, Table, and_, func, or_, select

from eventwire.errors import EventwireError
from eventwire.records import Event, Location
from eventwire.store.models import ArticleRow, EventRow
from eventwire.store.search import apply_search, search_words

_events = cast(Table, EventRow.__table__)


# What each code field may hold once normalised (upper-case codes, two-digit roots).
CODE_PATTERNS = {
    "source": r"[A-Z0-9]{1,24}",
    "target": r"[A-Z0-9]{1,24}",
    "actor": r"[A-Z0-9]{1,24}",
    "cameo": r"[0-9]{1,4}",
    "root": r"[0-9]{2}",
    "plover": r"[A-Z_]{1,32}",
    "country": r"[A-Z]{3}",
}
CODE_HINTS = {
    "source": "an actor code prefix, letters and digits (IRN)",
    "target": "an actor code prefix, letters and digits (IRN)",
    "actor": "an actor code prefix, letters and digits (IRN)",
    "cameo": "a CAMEO code prefix, up to 4 digits (04)",
    "root": "a CAMEO root, 1 or 2 digits (04)",
    "plover": "a PLOVER event type (CONSULT)",
    "country": "an ISO 3166 alpha-3 country code (IRN)",
}
# How actor codes (source, target, actor) match: as a prefix (IRN finds IRNGOV) or exactly.
MATCH_MODES = ("prefix", "exact")
QUAD_CLASSES = (1, 2, 3, 4)
GOLDSTEIN_RANGE = (-10.0, 10.0)
MAX_OUTLET = 200
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_SEARCH = 200
MAX_ARTICLE_ID = 400


class FilterError(EventwireError, ValueError):
    """A filter field that cannot be used; ``field`` names it (as EventFilter spells it)."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


@dataclass(frozen=True)
class EventFilter:
    """Which events to return; every field given must hold. The one event filter of the CLI
    (``events``, ``export``), the API (``/api/events``, ``/api/export`` ...), the web pages and
    exports: each builds it from its own parameters, and it is checked here, once.

    Actor codes match by prefix, as CAMEO codes are hierarchical: ``source="IRN"`` finds IRN,
    IRNGOV and IRNMIL; ``actor`` matches either side; ``match="exact"`` makes the three match
    whole codes only (IRN finds IRN, not IRNGOV). ``cameo`` is a prefix too (``"04"`` finds
    040–046); ``root`` and ``plover`` are exact. ``country`` is the ISO3 code of the country
    where the event took place; ``quad`` its quad class (1–4); ``goldstein_min`` and
    ``goldstein_max`` bound its Goldstein score (inclusive; an event without a score is left
    out by either); ``outlet`` is the article's source (its outlet), matched whole and
    case-insensitively. ``since``/``until`` bound the event date (inclusive), ``doc_id`` is one
    article, ``negated`` True keeps only events the text denies, False only affirmed ones, None
    both; ``search`` keeps events of articles matching a full-text search. Blank text is no
    filter; codes are upper-cased and a one-digit root is padded; anything else malformed
    raises :class:`FilterError` naming the field.
    """

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    cameo: str | None = None
    root: str | None = None
    plover: str | None = None
    country: str | None = None
    quad: int | None = None
    goldstein_min: float | None = None
    goldstein_max: float | None = None
    outlet: str | None = None
    match: str = "prefix"
    since: dt.date | None = None
    until: dt.date | None = None
    doc_id: str | None = None
    negated: bool | None = None
    search: str | None = None

    def __post_init__(self) -> None:
        self._check_codes()
        self._check_numbers()
        self._check_days()
        for name, longest in (
            ("doc_id", MAX_ARTICLE_ID),
            ("search", MAX_SEARCH),
            ("outlet", MAX_OUTLET),
        ):
            value = _blank(getattr(self, name), name)
            if value is not None and len(value) > longest:
                raise FilterError(name, f"longer than {longest} characters")
            object.__setattr__(self, name, value)
        if self.search is not None:
            check_search(self.search, "search")
        if self.negated is not None and not isinstance(self.negated, bool):
            raise FilterError("negated", f"{self.negated!r} is not true or false")
        if self.match is None:  # an option left unset (Typer gives None) is the default
            object.__setattr__(self, "match", "prefix")
        if self.match not in MATCH_MODES:
            raise FilterError("match", f"{self.match!r}; choose one of {', '.join(MATCH_MODES)}")

    def _check_codes(self) -> None:
        for name, pattern in CODE_PATTERNS.items():
            value = _blank(getattr(self, name), name)
            if value is not None:
                value = value.upper()
                if name == "root":
                    value = value.zfill(2)
                if not re.fullmatch(pattern, value):
                    raise FilterError(name, f"{getattr(self, name)!r} is not {CODE_HINTS[name]}")
            object.__setattr__(self, name, value)

    def _check_numbers(self) -> None:
        quad = self.quad
        if quad is not None and (isinstance(quad, bool) or quad not in QUAD_CLASSES):
            raise FilterError("quad", f"{quad!r} is not a quad class (1, 2, 3 or 4)")
        low, high = GOLDSTEIN_RANGE
        for name in ("goldstein_min", "goldstein_max"):
            score = getattr(self, name)
            if score is None:
                continue
            if isinstance(score, bool) or not isinstance(score, int | float):
                raise FilterError(name, f"{score!r} is not a number")
            if not low <= score <= high:
                raise FilterError(
                    name, f"{score} is outside the Goldstein scale ({low:g} to {high:g})"
                )
        lowest, highest = self.goldstein_min, self.goldstein_max
        if lowest is not None and highest is not None and lowest > highest:
            raise FilterError(
                "goldstein_max", f"{highest:g} is below the lowest score asked for ({lowest:g})"
            )

    def _check_days(self) -> None:
        for name in ("since", "until"):
            day = getattr(self, name)
            if isinstance(day, dt.datetime):
                object.__setattr__(self, name, day.date())
            elif day is not None and not isinstance(day, dt.date):
                raise FilterError(name, f"{day!r} is not a calendar day (YYYY-MM-DD)")
        check_day_range(self.since, self.until)

    @classmethod
    def parse(
        cls,
        *,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        negated: str | bool | None = None,
        quad: str | int | None = None,
        goldstein_min: str | float | None = None,
        goldstein_max: str | float | None = None,
        match: str | None = None,
        **fields: str | None,
    ) -> EventFilter:
        """The filter of parameters given as text (``since="2024-01-31"``, ``negated="true"``,
        ``quad="4"``; ``""`` is absent), as a query string or a form gives them; dates, numbers
        and booleans pass."""
        return cls(
            since=parse_day(since, "since"),
            until=parse_day(until, "until"),
            negated=_flag(negated, "negated"),
            quad=_integer(quad, "quad"),
            goldstein_min=_number(goldstein_min, "goldstein_min"),
            goldstein_max=_number(goldstein_max, "goldstein_max"),
            match=(match or "").strip().lower() or "prefix",
            **fields,
        )

    def with_default_negated(self, negated: bool | None) -> EventFilter:
        """This filter, with ``negated`` set when it leaves it open (exports leave out denied
        events unless asked: the caller's explicit choice wins)."""
        return self if self.negated is not None else replace(self, negated=negated)


def check_day_range(since: dt.date | None, until: dt.date | None) -> None:
    """Refuse days that leave nothing between them (until before since), for any listing."""
    if since is not None and until is not None and since > until:
        raise FilterError("until", f"until ({until}) is before since ({since})")


def check_search(text: str, name: str) -> None:
    """Refuse a full-text search that can match nothing because it holds no word (``---``,
    ``"``, ``*``): said at once, where the search would otherwise answer an empty page."""
    if not search_words(text):
        raise FilterError(name, f"{text!r} has no word to search for (give letters or digits)")


def _blank(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FilterError(name, f"{value!r} is not text")
    return value.strip() or None


def parse_day(value: str | dt.date | None, name: str) -> dt.date | None:
    """A day given as YYYY-MM-DD text (blank is none); anything else is a FilterError naming
    ``name`` in words, never a pattern."""
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    if not text:
        return None
    problem = f"{value!r} is not a calendar day (YYYY-MM-DD, e.g. 2024-01-31)"
    # fromisoformat alone also takes 20240131 and week dates: one spelling, as documented.
    if not _ISO_DAY.fullmatch(text):
        raise FilterError(name, problem)
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise FilterError(name, problem) from exc


def _flag(value: str | bool | None, name: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = value.strip().lower()
    if text in ("", "all"):
        return None
    if text in ("true", "false"):
        return text == "true"
    raise FilterError(name, f"{value!r} is not true or false")


def _integer(value: str | int | None, name: str) -> int | None:
    if value is None or isinstance(value, int):
        return value
    text = value.strip()
    if not text:
        return None
    if not re.fullmatch(r"[+-]?\d{1,9}", text):
        raise FilterError(name, f"{value!r} is not a whole number")
    return int(text)


def _number(value: str | float | None, name: str) -> float | None:
    if value is None or isinstance(value, int | float):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError as exc:
        raise FilterError(name, f"{value!r} is not a number") from exc
    if not math.isfinite(number):
        raise FilterError(name, f"{value!r} is not a number")
    return number


def code_prefix(column: Any, value: str) -> ColumnElement[bool]:
    """``column`` starts with ``value``, written so that an index on the column can serve it.

    SQLite's LIKE uses no index on a case-sensitive column, so a prefix also becomes the range
    ``value <= column < next`` (codes are ASCII upper-case letters and digits, where byte order
    and text order agree); the LIKE keeps the meaning exact for any other input.
    """
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    like = cast(ColumnElement[bool], column.like(f"{escaped}%", escape="\\"))
    if not value:
        return like
    bound = value[:-1] + chr(ord(value[-1]) + 1)
    return and_(column >= value, column < bound, like)


def _code_equals(column: Any, value: str) -> ColumnElement[bool]:
    return cast(ColumnElement[bool], column == value)


def apply_filter(stmt: Select[Any], flt: EventFilter, dialect: str) -> Select[Any]:
    """Add the filter's conditions to a select over the events table (``dialect`` picks the
    full-text search of ``flt.search``)."""
    c = _events.c
    code = code_prefix if flt.match == "prefix" else _code_equals
    if flt.source:
        stmt = stmt.where(code(c.source, flt.source))
    if flt.target:
        stmt = stmt.where(code(c.target, flt.target))
    if flt.actor:
        stmt = stmt.where(or_(code(c.source, flt.actor), code(c.target, flt.actor)))
    if flt.cameo:
        stmt = stmt.where(code_prefix(c.cameo, flt.cameo))
    if flt.root:
        stmt = stmt.where(c.root == flt.root)
    if flt.plover:
        stmt = stmt.where(c.plover == flt.plover)
    if flt.country:
        stmt = stmt.where(c.place_country == flt.country)
    if flt.quad is not None:
        stmt = stmt.where(c.quad_class == flt.quad)
    if flt.goldstein_min is not None:
        stmt = stmt.where(c.goldstein >= flt.goldstein_min)
    if flt.goldstein_max is not None:
        stmt = stmt.where(c.goldstein <= flt.goldstein_max)
    if flt.outlet is not None:
        articles = cast(Table, ArticleRow.__table__)
        # lower() on both sides, as the articles' own source filter (and its lower(source) index).
        of_outlet = select(articles.c.id).where(
            func.lower(articles.c.source) == func.lower(flt.outlet)
        )
        stmt = stmt.where(c.doc_id.in_(of_outlet.scalar_subquery()))
    if flt.since is not None:
        stmt = stmt.where(c.date >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(c.date <= flt.until)
    if flt.doc_id is not None:
        stmt = stmt.where(c.doc_id == flt.doc_id)
    if flt.negated is not None:
        stmt = stmt.where(c.negated == flt.negated)
    if flt.search is not None:
        articles = cast(Table, ArticleRow.__table__)
        matching = apply_search(select(articles.c.id), dialect, flt.search, ranked=False)
        stmt = stmt.where(c.doc_id.in_(matching.scalar_subquery()))
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
        date_precision=row.date_precision or "day",
        date_end=row.date_end.isoformat() if row.date_end else None,
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


# The columns of an event group, in reading order (CSV of `events --grouped`, `export --grouped`).
EVENT_GROUP_COLUMNS = (
    "story_id", "date", "source", "source_name", "cameo", "plover", "goldstein", "target",
    "target_name", "mentions", "sources", "articles", "event_ids",
)  # fmt: skip


def event_groups_select(flt: EventFilter, dialect: str) -> Select[Any]:
    """Events of one story with the same dyad, code and date, as one row with GDELT's counts.

    ``mentions`` is how many stored events (sentences of articles) say it, ``sources`` how many
    distinct outlets, ``articles`` how many articles; ``event_ids`` lists every piece of
    evidence.
    """
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
            func.count(func.distinct(c.doc_id)).label("articles"),
            # Every piece of evidence, portable across SQLite (group_concat) and PostgreSQL.
            func.aggregate_strings(c.event_id, ",").label("event_ids"),
        )
        .join(articles, articles.c.id == c.doc_id)
        .group_by(story, c.source, c.target, c.cameo, c.date)
    )
    return apply_filter(stmt, flt, dialect).order_by(c.date, story, c.source, c.target, c.cameo)


def group_dict(row: Any) -> dict[str, Any]:
    group = dict(row._mapping)
    group["date"] = group["date"].isoformat() if group["date"] else None
    group["event_ids"] = sorted(group["event_ids"].split(",")) if group["event_ids"] else []
    return group
