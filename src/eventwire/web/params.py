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
from fastapi.dependencies.models import Dependant

from eventwire.store import EventFilter, FilterError, Store
from eventwire.store.events import MAX_SEARCH, check_search
from eventwire.store.events import parse_day as filter_day
from eventwire.store.stats import Explorer

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
# Deep OFFSETs cost a scan of the skipped rows; beyond this, narrow the filter instead.
MAX_OFFSET = 1_000_000

SortKey = Literal[
    "date", "source", "target", "cameo", "plover", "quad_class", "goldstein", "confidence"
]
Order = Literal["asc", "desc"]

# No pattern: a malformed day is answered by parse_day in words, not with a regular expression.
Day = Annotated[str | None, Query(description="A day, YYYY-MM-DD (inclusive).")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1–{MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]


def unprocessable(name: str, message: str) -> HTTPException:
    """A 422 in FastAPI's own validation shape, for checks the type system cannot express."""
    return HTTPException(
        status_code=422,
        detail=[{"loc": ["query", name], "msg": message, "type": "value_error"}],
    )


def parse_day(value: str | None, name: str) -> dt.date | None:
    try:
        return filter_day(value, name)
    except FilterError as exc:
        raise unprocessable(name, exc.reason) from exc


def parse_search(value: str | None, name: str) -> str | None:
    """A full-text search parameter: blank is none, one without any word is a 422."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        check_search(text, name)
    except FilterError as exc:
        raise unprocessable(name, exc.reason) from exc
    return text


def query_names(dependant: Dependant) -> set[str]:
    """The query parameters a route takes, its dependencies' included, as the URL spells them."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= query_names(sub)
    return names


def reject_unknown_params(request: Request) -> None:
    """A 422 naming every query parameter the route does not take: a misspelt or unsupported
    filter (``country=IRN`` where none existed) must not silently answer with all events."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = query_names(dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise HTTPException(
            status_code=422,
            detail=[
                {
                    "loc": ["query", name],
                    "msg": f"unknown parameter {name!r}; this endpoint takes "
                    + (", ".join(sorted(known)) or "no parameters"),
                    "type": "value_error",
                }
                for name in unknown
            ],
        )


# EventFilter's field names as the query string spells them, and back.
_PARAM_OF = {"doc_id": "article", "search": "q"}
_FIELD_OF = {param: field for field, param in _PARAM_OF.items()}
# The filter parameters, in EventFilter's order (the pages keep them in their links and forms).
FILTER_PARAMS = tuple(_PARAM_OF.get(f.name, f.name) for f in fields(EventFilter))


def event_query(
    request: Request,
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
    country: Annotated[
        str | None,
        Query(description="ISO3 code of the country where the event took place.", examples=["IRN"]),
    ] = None,
    quad: Annotated[
        str | None,
        Query(
            description="Quad class: 1 verbal cooperation, 2 material cooperation, "
            "3 verbal conflict, 4 material conflict."
        ),
    ] = None,
    goldstein_min: Annotated[
        str | None, Query(description="Lowest Goldstein score, -10 to 10 (inclusive).")
    ] = None,
    goldstein_max: Annotated[
        str | None, Query(description="Highest Goldstein score, -10 to 10 (inclusive).")
    ] = None,
    outlet: Annotated[
        str | None, Query(description="The article's outlet (its source), any letter case.")
    ] = None,
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
    """The event filters of `eventwire events`; EventFilter checks them, and the store a
    search it would ignore (a bad one is a 422 naming the parameter)."""
    params = {k: v for k, v in locals().items() if k != "request"}
    try:
        flt = EventFilter.parse(**{_FIELD_OF.get(k, k): v for k, v in params.items()})
        get_store(request).check_search(flt.search)
    except FilterError as exc:
        raise unprocessable(_PARAM_OF.get(exc.field, exc.field), exc.reason) from exc
    return flt


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
