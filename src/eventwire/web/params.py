"""Query parameters shared by the API and the pages, turned into store queries.

Pages submit HTML forms, which send empty fields as ``name=``; every optional text parameter
therefore treats an empty value as absent, and dates are checked here rather than by the form.
Anything else malformed is a 422 with the parameter named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Annotated, Literal

from fastapi import HTTPException, Query, Request

from eventwire.store import EventFilter, FilterError, Store
from eventwire.store.events import MAX_SEARCH
from eventwire.store.stats import Explorer

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
# Deep OFFSETs cost a scan of the skipped rows; beyond this, narrow the filter instead.
MAX_OFFSET = 1_000_000

SortKey = Literal[
    "date", "source", "target", "cameo", "plover", "quad_class", "goldstein", "confidence"
]
Order = Literal["asc", "desc"]

_DAY = r"^(\d{4}-\d{2}-\d{2})?$"

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


# EventFilter's field names as the query string spells them, and back.
_PARAM_OF = {"doc_id": "article", "search": "q"}
_FIELD_OF = {param: field for field, param in _PARAM_OF.items()}
# The filter parameters, in EventFilter's order (the pages keep them in their links and forms).
FILTER_PARAMS = tuple(_PARAM_OF.get(f.name, f.name) for f in fields(EventFilter))


def event_query(
    source: Annotated[
        str | None,
        Query(description="Source actor code prefix (IRN finds IRNGOV, IRNMIL).", examples=["IRN"]),
    ] = None,
    target: Annotated[str | None, Query(description="Target actor code prefix.")] = None,
    actor: Annotated[str | None, Query(description="Either side's actor code prefix.")] = None,
    cameo: Annotated[
        str | None, Query(description="CAMEO code prefix, up to 4 digits (04 finds 040–046).")
    ] = None,
    root: Annotated[str | None, Query(description="CAMEO root, two digits.")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type (CONSULT...).")] = None,
    match: Annotated[
        str | None,
        Query(description="How source, target and actor codes match: prefix (default) or exact."),
    ] = None,
    since: Annotated[str | None, Query(description="A day, YYYY-MM-DD (inclusive).")] = None,
    until: Annotated[str | None, Query(description="A day, YYYY-MM-DD (inclusive).")] = None,
    q: Annotated[
        str | None,
        Query(description=f"Full-text search over the events' articles (≤ {MAX_SEARCH} chars)."),
    ] = None,
    article: Annotated[str | None, Query(description="Only events of this article id.")] = None,
    negated: Annotated[
        str | None,
        Query(description="true: only events the text denies; false: only affirmed ones."),
    ] = None,
) -> EventFilter:
    """The event filters of `eventwire events`; EventFilter checks them (a bad one is a 422
    naming the parameter)."""
    params = dict(locals())
    try:
        return EventFilter.parse(**{_FIELD_OF.get(k, k): v for k, v in params.items()})
    except FilterError as exc:
        raise unprocessable(_PARAM_OF.get(exc.field, exc.field), exc.reason) from exc


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
