"""Query parameters shared by the API and the pages: validated once, turned into store queries.

Pages submit HTML forms, which send empty fields as ``name=``; every optional text parameter
therefore treats an empty value as absent, and dates are checked here rather than by the form.
Anything else malformed is a 422 with the parameter named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import HTTPException, Query, Request

from eventwire.store import EventFilter, Store
from eventwire.store.stats import EventQuery, Explorer

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
# Deep OFFSETs cost a scan of the skipped rows; beyond this, narrow the filter instead.
MAX_OFFSET = 1_000_000

SortKey = Literal[
    "date", "source", "target", "cameo", "plover", "quad_class", "goldstein", "confidence"
]
Order = Literal["asc", "desc"]

_CODE = r"^[A-Za-z0-9]{0,24}$"
_DAY = r"^(\d{4}-\d{2}-\d{2})?$"

Code = Annotated[
    str | None,
    Query(
        pattern=_CODE, description="Actor code prefix (IRN finds IRNGOV, IRNMIL).", examples=["IRN"]
    ),
]
Day = Annotated[str | None, Query(pattern=_DAY, description="A day, YYYY-MM-DD (inclusive).")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1–{MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]


def unprocessable(name: str, message: str) -> HTTPException:
    """A 422 in FastAPI's own validation shape, for checks the type system cannot express."""
    return HTTPException(
        status_code=422,
        detail=[{"loc": ["query", name], "msg": message, "type": "value_error"}],
    )


def parse_day(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise unprocessable(name, f"{value!r} is not a calendar day (YYYY-MM-DD)") from exc


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def event_query(
    source: Code = None,
    target: Code = None,
    actor: Code = None,
    cameo: Annotated[
        str | None,
        Query(pattern=r"^\d{0,4}$", description="CAMEO code prefix (04 finds 040–046)."),
    ] = None,
    root: Annotated[
        str | None, Query(pattern=r"^\d{0,2}$", description="CAMEO root, two digits.")
    ] = None,
    plover: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z_]{0,32}$", description="PLOVER event type (CONSULT...)."),
    ] = None,
    since: Day = None,
    until: Day = None,
    q: Annotated[
        str | None,
        Query(max_length=200, description="Full-text search over the events' articles."),
    ] = None,
    article: Annotated[
        str | None, Query(max_length=400, description="Only events of this article id.")
    ] = None,
    negated: Annotated[
        Literal["", "true", "false"] | None,
        Query(description="true: only events the text denies; false: only affirmed ones."),
    ] = None,
) -> EventQuery:
    """The event filters of `eventwire events`, plus ``q``."""
    first, last = parse_day(since, "since"), parse_day(until, "until")
    if first and last and first > last:
        raise unprocessable("until", f"until ({last}) is before since ({first})")
    flt = EventFilter(
        source=_blank(source),
        target=_blank(target),
        actor=_blank(actor),
        cameo=_blank(cameo),
        root=_blank(root),
        plover=_blank(plover),
        since=first,
        until=last,
        doc_id=_blank(article),
        negated=None if not negated else negated == "true",
    )
    return EventQuery(flt, _blank(q))


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> Paging:
    return Paging(limit, offset)


@dataclass(frozen=True)
class Sorting:
    sort: SortKey
    order: Order


def sorting(
    sort: Annotated[SortKey, Query(description="Column to sort events by.")] = "date",
    order: Annotated[Order, Query(description="asc or desc.")] = "asc",
) -> Sorting:
    return Sorting(sort, order)


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_explorer(request: Request) -> Explorer:
    explorer: Explorer = request.app.state.explorer
    return explorer
