"""Aggregate and paged event queries for the API and the web explorer (SQL only here).

Everything is built with SQLAlchemy expressions (no SQL from strings) over the ``events`` table,
so the same code runs on SQLite and PostgreSQL. Counts are aggregated in the database, never by
loading rows: on a million events a page or a chart reads only what it shows.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    case,
    func,
    or_,
    select,
    union_all,
)
from sqlalchemy.exc import SQLAlchemyError

from eventwire.actors.display import display_names
from eventwire.errors import StoreError
from eventwire.records import Event
from eventwire.store.dyads import BreakRule, Dyad, dyad_series
from eventwire.store.events import (
    EVENTS,
    EventFilter,
    apply_filter,
    code_prefix,
    events_select,
    row_to_event,
)
from eventwire.store.models import ActorMentionRow, ActorRow, ArticleRow, SentenceRow
from eventwire.store.repository import Store

_articles = cast(Table, ArticleRow.__table__)
_actors = cast(Table, ActorRow.__table__)
_mentions = cast(Table, ActorMentionRow.__table__)

# Aggregates (statistics, network, places, actor pages) are reused this long: fresh enough for
# a store that ingests in the background, and a dashboard's repeated requests cost one scan.
CACHE_SECONDS = 60.0
CACHE_ENTRIES = 256
T = TypeVar("T")

# Columns a user may sort events by; each maps to a column, so a sort key is never SQL text.
SORT_KEYS = ("date", "source", "target", "cameo", "plover", "quad_class", "goldstein", "confidence")


def _as_date(value: Any) -> dt.date | None:
    # Aggregates of a Date column come back as text on SQLite.
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def page_events(
    conn: Connection,
    dialect: str,
    flt: EventFilter,
    *,
    sort: str = "date",
    descending: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[Event]:
    """One page of events in the requested order (ties broken by article, sentence and id)."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}; choose one of {', '.join(SORT_KEYS)}")
    c = EVENTS.c
    key = c[sort]
    stmt = apply_filter(events_select(), flt, dialect).order_by(
        key.desc() if descending else key.asc(), c.doc_id, c.sentence, c.event_id
    )
    rows = conn.execute(stmt.limit(limit).offset(offset)).all()
    return [row_to_event(row) for row in rows]


def count_events(conn: Connection, dialect: str, flt: EventFilter) -> int:
    inner = apply_filter(select(EVENTS.c.event_id), flt, dialect).subquery()
    return int(conn.execute(select(func.count()).select_from(inner)).scalar_one())


def _location_field(name: str) -> ColumnElement[Any]:
    return EVENTS.c.location[name]


def event_stats(conn: Connection, dialect: str, flt: EventFilter) -> dict[str, Any]:
    """Totals and counts by day and quad class, CAMEO root, quad class and country."""
    c = EVENTS.c

    def grouped(*keys: ColumnElement[Any]) -> list[Any]:
        stmt = apply_filter(select(*keys, func.count().label("n")), flt, dialect)
        return list(conn.execute(stmt.group_by(*keys).order_by(*keys)).all())

    total_stmt = apply_filter(
        select(
            func.count(),
            func.count(func.distinct(c.doc_id)),
            func.min(c.date),
            func.max(c.date),
            func.avg(c.goldstein),
        ),
        flt,
        dialect,
    )
    total, articles, first, last, mean = conn.execute(total_stmt).one()
    country = func.coalesce(c.place_country, "").label("country")
    return {
        "events": int(total),
        "articles": int(articles),
        "first_day": _as_date(first),
        "last_day": _as_date(last),
        "mean_goldstein": None if mean is None else round(float(mean), 3),
        "by_day": [
            {"date": _as_date(r.date), "quad_class": r.quad_class, "count": r.n}
            for r in grouped(c.date, c.quad_class)
            if r.date is not None
        ],
        "by_root": [{"root": r.root, "count": r.n} for r in grouped(c.root)],
        "by_quad_class": [
            {"quad_class": r.quad_class, "count": r.n} for r in grouped(c.quad_class)
        ],
        "by_country": [{"country": r.country, "count": r.n} for r in grouped(country) if r.country],
    }


def actor_page(
    conn: Connection, search: str | None, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """Known actor codes (with a name each and how many names) from the small actors table."""
    a = _actors.c
    stmt = select(
        a.code,
        func.min(a.name).label("name"),
        func.count().label("names"),
        func.min(a.country).label("country"),
        func.min(a.kind).label("kind"),
    ).where(a.code != "")
    if search:
        text = search.strip()
        stmt = stmt.where(
            or_(code_prefix(a.code, text.upper()), func.lower(a.name).contains(text.lower()))
        )
    stmt = stmt.group_by(a.code)
    total = int(conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())
    rows = conn.execute(stmt.order_by(a.code).limit(limit).offset(offset)).all()
    counts = event_counts(conn, [r.code for r in rows])
    names = shown_names(conn, [r.code for r in rows])
    return total, [
        {
            "code": r.code,
            "name": names[r.code],
            "names": r.names,
            "country": r.country,
            "kind": r.kind,
            "events": counts.get(r.code, 0),
        }
        for r in rows
    ]


def event_counts(conn: Connection, codes: Sequence[str]) -> dict[str, int]:
    """Events per exact actor code (either side), for a page of codes: two indexed lookups."""
    if not codes:
        return {}
    c = EVENTS.c
    sides = union_all(
        select(c.source.label("code")).where(c.source.in_(codes)),
        select(c.target.label("code")).where(c.target.in_(codes), c.target != c.source),
    ).subquery()
    rows = conn.execute(select(sides.c.code, func.count()).group_by(sides.c.code)).all()
    return {code: int(n) for code, n in rows}


def name_mentions(conn: Connection, codes: Sequence[str]) -> dict[str, list[tuple[str, int]]]:
    """For each exact code, every name it was recognised by with how often it is mentioned."""
    if not codes:
        return {}
    a, m = _actors.c, _mentions.c
    stmt = (
        select(a.code, a.name, func.count(m.id).label("n"))
        .select_from(_actors.outerjoin(_mentions, m.actor_id == a.id))
        .where(a.code.in_(sorted(set(codes))))
        .group_by(a.code, a.name)
    )
    found: dict[str, list[tuple[str, int]]] = {}
    for code, name, n in conn.execute(stmt):
        found.setdefault(code, []).append((name, int(n)))
    return found


def shown_names(conn: Connection, codes: Sequence[str]) -> dict[str, str]:
    """The name to show for each code: the lexicon's, else its most mentioned name."""
    return display_names(codes, name_mentions(conn, codes))


def actor_names(conn: Connection, code: str) -> list[dict[str, Any]]:
    """Every name an exact code was recognised by, with its country, sector and kind."""
    a = _actors.c
    rows = conn.execute(
        select(a.name, a.country, a.sector, a.kind).where(a.code == code).order_by(a.name)
    ).all()
    return [dict(r._mapping) for r in rows]


def actor_timeline(conn: Connection, code: str) -> list[dict[str, Any]]:
    """Events per day where the code (a prefix) acts or is acted on, with mean Goldstein."""
    c = EVENTS.c
    involved = or_(code_prefix(c.source, code), code_prefix(c.target, code))
    stmt = (
        select(c.date, func.count().label("n"), func.avg(c.goldstein).label("g"))
        .where(involved, c.date.is_not(None), c.negated.is_(False))
        .group_by(c.date)
        .order_by(c.date)
    )
    return [
        {"date": _as_date(r.date), "count": r.n, "goldstein": _round(r.g)}
        for r in conn.execute(stmt)
    ]


def _round(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def dyads(
    conn: Connection, dialect: str, flt: EventFilter, limit: int, *, actor: str | None = None
) -> list[dict[str, Any]]:
    """Source→target pairs with their event count and mean Goldstein, busiest first.

    With ``actor`` (a code prefix) only pairs involving it; events with an unknown side and
    negated events are left out, as they say nothing about who acts on whom.
    """
    c = EVENTS.c
    stmt = select(
        c.source,
        c.target,
        # The event's own words, for a code the actors table does not hold.
        func.min(c.source_name).label("source_name"),
        func.min(c.target_name).label("target_name"),
        func.count().label("n"),
        func.avg(c.goldstein).label("g"),
    ).where(c.source != "", c.target != "", c.negated.is_(False))
    if actor:
        stmt = stmt.where(or_(code_prefix(c.source, actor), code_prefix(c.target, actor)))
    stmt = apply_filter(stmt, flt, dialect).group_by(c.source, c.target)
    stmt = stmt.order_by(func.count().desc(), c.source, c.target).limit(limit)
    rows = conn.execute(stmt).all()
    names = shown_names(conn, [code for r in rows for code in (r.source, r.target)])
    return [
        {
            "source": r.source,
            "target": r.target,
            "source_name": names[r.source] or r.source_name or "",
            "target_name": names[r.target] or r.target_name or "",
            "count": r.n,
            "goldstein": _round(r.g),
        }
        for r in rows
    ]


def places(conn: Connection, dialect: str, flt: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Event places with coordinates: one point per place with its event count and Goldstein."""
    c = EVENTS.c
    lat = _location_field("lat").as_float()
    lon = _location_field("lon").as_float()
    name = _location_field("name").as_string()
    country = _location_field("country").as_string()
    stmt = select(
        name.label("name"),
        func.min(country).label("country"),
        lat.label("lat"),
        lon.label("lon"),
        func.count().label("n"),
        func.avg(c.goldstein).label("g"),
        func.sum(case((c.quad_class == 4, 1), else_=0)).label("conflict"),
    ).where(and_(lat.is_not(None), lon.is_not(None)), c.negated.is_(False))
    stmt = apply_filter(stmt, flt, dialect).group_by(name, lat, lon)
    stmt = stmt.order_by(func.count().desc(), name).limit(limit)
    return [
        {
            "name": r.name,
            "country": r.country,
            "lat": float(r.lat),
            "lon": float(r.lon),
            "count": r.n,
            "goldstein": _round(r.g),
            "material_conflict": int(r.conflict or 0),
        }
        for r in conn.execute(stmt)
    ]


def article_event_counts(conn: Connection, article_ids: Sequence[str]) -> dict[str, int]:
    """Stored events per article, for a page of articles."""
    if not article_ids:
        return {}
    c = EVENTS.c
    stmt = select(c.doc_id, func.count()).where(c.doc_id.in_(article_ids)).group_by(c.doc_id)
    return {doc: int(n) for doc, n in conn.execute(stmt)}


def sentence_spans(conn: Connection, article_id: str) -> list[tuple[int, int, int]]:
    """(index, start, end) of each stored sentence of an article, in order."""
    s = cast(Table, SentenceRow.__table__).c
    stmt = select(s.idx, s.start, s.end).where(s.article_id == article_id).order_by(s.idx)
    return [(int(i), int(a), int(b)) for i, a, b in conn.execute(stmt)]


class Explorer:
    """Read-only views of a store for the API and the web pages: pages, counts and aggregates.

    Each method opens one connection, runs its aggregate in the database and returns plain
    values; database errors leave as :class:`~eventwire.errors.StoreError` naming the store.
    """

    def __init__(
        self,
        store: Store,
        ttl: float = CACHE_SECONDS,
        stamp: Callable[[], Hashable] | None = None,
    ) -> None:
        self.store = store
        self.ttl = ttl
        self._cache: dict[tuple[Any, ...], tuple[float, Any]] = {}
        self._lock = threading.Lock()
        # A value that changes when the store is written (web.cache.store_stamp): a change
        # empties the cache, so a new ingest shows at once rather than after ``ttl``.
        self._stamp = stamp
        self._last_stamp: Hashable = stamp() if stamp else None

    def _cached(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """``compute()``, reused for ``ttl`` seconds: a dashboard asks the same aggregate twice
        (page and chart) and on a million events each scan takes seconds."""
        now = time.monotonic()
        stamp = self._stamp() if self._stamp else None
        with self._lock:
            if stamp != self._last_stamp:
                self._cache.clear()
                self._last_stamp = stamp
            hit = self._cache.get(key)
            if hit is not None and hit[0] > now:
                return cast(T, hit[1])
        value = compute()
        with self._lock:
            if len(self._cache) >= CACHE_ENTRIES:
                self._cache.clear()
            if stamp == self._last_stamp:  # else computed from a store that has since changed
                self._cache[key] = (now + self.ttl, value)
        return value

    @contextmanager
    def _conn(self, action: str) -> Iterator[Connection]:
        try:
            with self.store.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"cannot {action} in {self.store.url}: {reason}") from exc

    def events(
        self, flt: EventFilter, *, sort: str, descending: bool, limit: int, offset: int
    ) -> list[Event]:
        with self._conn("read events") as conn:
            return page_events(
                conn,
                self.store.dialect,
                flt,
                sort=sort,
                descending=descending,
                limit=limit,
                offset=offset,
            )

    def count(self, flt: EventFilter) -> int:
        with self._conn("count events") as conn:
            return count_events(conn, self.store.dialect, flt)

    def stats(self, flt: EventFilter) -> dict[str, Any]:
        def compute() -> dict[str, Any]:
            with self._conn("read event statistics") as conn:
                return event_stats(conn, self.store.dialect, flt)

        return self._cached(("stats", flt), compute)

    def actors(
        self, search: str | None, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]]]:
        with self._conn("read actors") as conn:
            return actor_page(conn, search, limit, offset)

    def actor(self, code: str, partners: int) -> dict[str, Any]:
        """An actor code's names, daily timeline and busiest interactions."""
        return self._cached(("actor", code, partners), lambda: self._actor(code, partners))

    def _actor(self, code: str, partners: int) -> dict[str, Any]:
        with self._conn(f"read actor {code}") as conn:
            return {
                "code": code,
                "name": shown_names(conn, [code])[code],
                "names": actor_names(conn, code),
                "events": event_counts(conn, [code]).get(code, 0),
                "timeline": actor_timeline(conn, code),
                "interactions": dyads(
                    conn, self.store.dialect, EventFilter(), partners, actor=code
                ),
            }

    def dyads(self, flt: EventFilter, limit: int) -> list[dict[str, Any]]:
        def compute() -> list[dict[str, Any]]:
            with self._conn("read the actor network") as conn:
                return dyads(conn, self.store.dialect, flt, limit)

        return self._cached(("dyads", flt, limit), compute)

    def places(self, flt: EventFilter, limit: int) -> list[dict[str, Any]]:
        def compute() -> list[dict[str, Any]]:
            with self._conn("read event places") as conn:
                return places(conn, self.store.dialect, flt, limit)

        return self._cached(("places", flt, limit), compute)

    def article_event_counts(self, article_ids: Sequence[str]) -> dict[str, int]:
        with self._conn("count events per article") as conn:
            return article_event_counts(conn, article_ids)

    def sentence_spans(self, article_id: str) -> list[tuple[int, int, int]]:
        with self._conn(f"read sentences of {article_id}") as conn:
            return sentence_spans(conn, article_id)

    def dyad_series(self, dyad: Dyad, rule: BreakRule | None = None) -> dict[str, Any]:
        """The dyad's weekly cooperation–conflict series with its breaks (``store/dyads.py``)."""

        def compute() -> dict[str, Any]:
            with self._conn(f"read the dyad {dyad.a}–{dyad.b}") as conn:
                return dyad_series(conn, dyad, rule)

        return self._cached(("dyad", dyad, rule), compute)
