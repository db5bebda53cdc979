"""The JSON API (/api/...): thin routes over the store, the explorer queries and the exporters."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from eventwire.explain import explanation_report
from eventwire.export import GROUPED_FORMATS, MEDIA_TYPES, export_store
from eventwire.records import Actor, Article, Event, published_iso
from eventwire.store import EventFilter, FilterError, Store
from eventwire.store.dyads import BreakRule, Dyad
from eventwire.store.events import check_day_range
from eventwire.store.stats import Explorer
from eventwire.web.params import (
    Day,
    Limit,
    Paging,
    Sorting,
    event_query,
    get_explorer,
    get_store,
    paging,
    parse_day,
    parse_search,
    reject_unknown_params,
    sorting,
    unprocessable,
)
from eventwire.web.schemas import (
    ActorDetail,
    ActorPage,
    ActorSummary,
    ArticleActor,
    ArticleDetail,
    ArticlePage,
    ArticleSummary,
    DyadSeries,
    EventDetail,
    EventOut,
    EventPage,
    Evidence,
    Explanation,
    Interaction,
    Network,
    Node,
    Place,
    Problem,
    SearchResult,
    Stats,
)

router = APIRouter(
    prefix="/api",
    responses={422: {"model": Problem}},
    dependencies=[Depends(reject_unknown_params)],
)

StoreDep = Annotated[Store, Depends(get_store)]
ExplorerDep = Annotated[Explorer, Depends(get_explorer)]
QueryDep = Annotated[EventFilter, Depends(event_query)]
PagingDep = Annotated[Paging, Depends(paging)]
ExportFormat = Literal["csv", "tsv", "jsonl", "parquet", "geojson", "graphml"]
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem}}


def article_page(
    store: Store,
    explorer: Explorer,
    page: Paging,
    *,
    search: str | None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> tuple[int, list[ArticleSummary]]:
    """A page of article summaries with their event counts (shared with the pages)."""
    filters: dict[str, Any] = {
        "search": parse_search(search, "q"),
        "source": source or None,
        "since": parse_day(since, "since"),
        "until": parse_day(until, "until"),
    }
    try:
        check_day_range(filters["since"], filters["until"])
        store.check_search(filters["search"])
    except FilterError as exc:
        raise unprocessable("q" if exc.field == "search" else exc.field, exc.reason) from exc
    total = store.count_articles(**filters)
    articles = store.page_articles(**filters, limit=page.limit, offset=page.offset)
    counts = explorer.article_event_counts([a.id for a in articles])
    return total, [ArticleSummary.from_article(a, counts.get(a.id, 0)) for a in articles]


ArticleSearch = Annotated[
    str | None, Query(max_length=200, description="Full-text search in title and text.")
]
# The parameter's name before `q` was the one word for a search everywhere; still understood.
OldArticleSearch = Annotated[
    str | None,
    Query(max_length=200, deprecated=True, description="Old name of q (deprecated)."),
]


def article_words(q: str | None, search: str | None) -> str | None:
    """The article search of ``q``, or of its deprecated name ``search``; both is a 422."""
    if q and search and q != search:
        raise unprocessable("search", "the old name of q: give q alone")
    return q or search


@router.get("/articles", response_model=ArticlePage, summary="List articles")
def list_articles(
    store: StoreDep,
    explorer: ExplorerDep,
    page: PagingDep,
    q: ArticleSearch = None,
    search: OldArticleSearch = None,
    source: Annotated[str | None, Query(max_length=200, description="Outlet name.")] = None,
    since: Day = None,
    until: Day = None,
) -> ArticlePage:
    """Stored articles by publication day (best matches first with ``q``)."""
    total, items = article_page(
        store,
        explorer,
        page,
        search=article_words(q, search),
        source=source,
        since=since,
        until=until,
    )
    return ArticlePage(total=total, limit=page.limit, offset=page.offset, items=items)


# An article rarely yields more than a few dozen events; the cap bounds a page built from a
# pathological one (a transcript, a digest) while the count still tells the truth.
ARTICLE_EVENTS = 300


def article_events(store: Store, article_id: str) -> list[Event]:
    """The article's events in text order, at most ARTICLE_EVENTS of them."""
    events = list(store.iter_events(EventFilter(doc_id=article_id), limit=ARTICLE_EVENTS))
    return sorted(events, key=lambda e: (e.sentence, e.span[0], e.event_id))


def article_detail(store: Store, article_id: str) -> ArticleDetail:
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    events = article_events(store, article_id)
    total = store.count_events(EventFilter(doc_id=article_id))
    summary = ArticleSummary.from_article(article, total)
    return ArticleDetail(
        **summary.model_dump(),
        lead=article.lead,
        text=article.text,
        tags=list(article.tags),
        language=article.language,
        actors=[ArticleActor.from_actor(a) for a in store.get_actors(article_id)],
        event_list=[EventOut.from_event(e) for e in events],
    )


@router.get(
    "/articles/{article_id:path}",
    response_model=ArticleDetail,
    responses=_NOT_FOUND,
    summary="One article",
)
def get_article(store: StoreDep, article_id: str) -> ArticleDetail:
    """The article's text with its actors (and their mentions) and its events."""
    return article_detail(store, article_id)


@router.get("/events", response_model=EventPage, summary="List events")
def list_events(
    explorer: ExplorerDep,
    query: QueryDep,
    page: PagingDep,
    order: Annotated[Sorting, Depends(sorting)],
) -> EventPage:
    """Events matching the filters of `eventwire events`, sorted and paged on the server."""
    events = explorer.events(
        query,
        sort=order.sort,
        descending=order.order == "desc",
        limit=page.limit,
        offset=page.offset,
    )
    return EventPage(
        total=explorer.count(query),
        limit=page.limit,
        offset=page.offset,
        sort=order.sort,
        order=order.order,
        items=[EventOut.from_event(e) for e in events],
    )


def event_detail(
    store: Store,
    event: Event,
    article: Article | None = None,
    actors: list[Actor] | None = None,
) -> EventDetail:
    """An event with its explanation and evidence; pass the article and its actors when known
    (the article page explains all of an article's events with one read of each)."""
    why = store.get_explanation(event.event_id) or {}
    if actors is None:
        actors = store.get_actors(event.doc_id)
    report = explanation_report(event, why, actors)
    if article is None:
        article = store.get_article(event.doc_id)
    evidence = Evidence(
        article_id=event.doc_id,
        title=article.title if article else None,
        source=article.source if article else None,
        url=article.url if article else None,
        published=published_iso(article.published) if article else None,
        sentence=event.sentence,
        text=event.text,
        span=list(event.span),
    )
    return EventDetail(
        event=EventOut.from_event(event),
        explanation=Explanation.from_report(report),
        evidence=evidence,
    )


@router.get(
    "/events/{event_id}", response_model=EventDetail, responses=_NOT_FOUND, summary="One event"
)
def get_event(store: StoreDep, event_id: str) -> EventDetail:
    """The event with why it was coded (pattern, parse path, actors) and where it was read."""
    event = store.get_event(event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return event_detail(store, event)


@router.get("/actors", response_model=ActorPage, summary="List actors")
def list_actors(
    explorer: ExplorerDep,
    page: PagingDep,
    q: Annotated[
        str | None, Query(max_length=100, description="Code prefix or part of a name.")
    ] = None,
) -> ActorPage:
    """Actor codes recognised in the articles, by code, with their event counts."""
    total, rows = explorer.actors(q or None, page.limit, page.offset)
    return ActorPage(
        total=total,
        limit=page.limit,
        offset=page.offset,
        items=[ActorSummary(**r) for r in rows],
    )


@router.get("/actors/{code}", response_model=ActorDetail, responses=_NOT_FOUND, summary="One actor")
def get_actor(
    explorer: ExplorerDep,
    code: Annotated[str, PathParam(pattern=r"^[A-Za-z0-9]{1,24}$")],
    partners: Annotated[int, Query(ge=1, le=500, description="Interactions to list.")] = 50,
) -> ActorDetail:
    """The code's names, its events per day and its interactions (code matches as a prefix)."""
    detail = explorer.actor(code.upper(), partners)
    if not detail["names"] and not detail["timeline"]:
        raise HTTPException(404, f"no actor with code {code!r}")
    return ActorDetail(**detail)


@router.get("/stats", response_model=Stats, summary="Event statistics")
def get_stats(explorer: ExplorerDep, query: QueryDep) -> Stats:
    """Counts of matching events by day and quad class, CAMEO root, quad class and country."""
    return Stats(**explorer.stats(query))


@router.get("/search", response_model=SearchResult, summary="Full-text search")
def search(
    store: StoreDep,
    explorer: ExplorerDep,
    page: PagingDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")],
) -> SearchResult:
    """Articles whose title or text match ``q``, best first."""
    total, items = article_page(store, explorer, page, search=q)
    return SearchResult(q=q, total=total, limit=page.limit, offset=page.offset, items=items)


@router.get("/network", response_model=Network, summary="Actor network")
def network(explorer: ExplorerDep, query: QueryDep, limit: Limit = 150) -> Network:
    """The busiest source→target dyads as edges (at most ``limit``) and their actors as nodes."""
    edges = explorer.dyads(query, limit)
    nodes: dict[str, Node] = {}
    for edge in edges:
        for code, name in (
            (edge["source"], edge["source_name"]),
            (edge["target"], edge["target_name"]),
        ):
            node = nodes.setdefault(code, Node(code=code, name=name, events=0))
            node.events += edge["count"]
    return Network(nodes=list(nodes.values()), edges=[Interaction(**e) for e in edges])


@router.get("/places", response_model=list[Place], summary="Event places")
def places(explorer: ExplorerDep, query: QueryDep, limit: Limit = 500) -> list[Place]:
    """Places with coordinates and how many matching events happened there, busiest first."""
    return [Place(**p) for p in explorer.places(query, limit)]


@router.get(
    "/export",
    summary="Export events",
    response_class=FileResponse,
    responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
)
def export(
    store: StoreDep,
    query: QueryDep,
    fmt: Annotated[ExportFormat, Query(alias="format", description="File format.")] = "csv",
    include_negated: Annotated[
        bool,
        Query(description="Include events the text denies (left out unless this or negated)."),
    ] = False,
    grouped: Annotated[
        bool,
        Query(
            description="One row per event (story, dyad, code, date) with mention, source and"
            " article counts, as GDELT's events table; csv and tsv only."
        ),
    ] = False,
) -> FileResponse:
    """Every matching event as a file: the same writers as `eventwire export`."""
    if grouped and fmt not in GROUPED_FORMATS:
        raise unprocessable("grouped", f"is for {' and '.join(GROUPED_FORMATS)}, not {fmt!r}")
    handle, name = tempfile.mkstemp(prefix="eventwire-export-", suffix=f".{fmt}")
    os.close(handle)
    path = Path(name)
    try:
        export_store(store, fmt, path, query, include_negated=include_negated, grouped=grouped)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return FileResponse(
        path,
        media_type=MEDIA_TYPES[fmt],
        filename=f"eventwire-events.{fmt}",
        background=BackgroundTask(path.unlink, missing_ok=True),
    )


Code = Annotated[
    str | None,
    Query(description="Actor or country code prefix (IRN finds IRNGOV).", examples=["IRN"]),
]


@dataclass(frozen=True)
class DyadQuery:
    dyad: Dyad
    rule: BreakRule


def dyad_query(
    a: Code = None,
    b: Code = None,
    directed: Annotated[bool, Query(description="Only events from a to b.")] = False,
    window: Annotated[int, Query(ge=2, le=104, description="Weeks of baseline.")] = 12,
    threshold: Annotated[
        float, Query(gt=0, le=10, description="Standard deviations that make a break.")
    ] = 2.0,
    min_history: Annotated[
        int, Query(ge=2, le=104, description="Weeks with events needed in the window.")
    ] = 4,
    match: Annotated[
        Literal["prefix", "exact"],
        Query(description="prefix: IRN finds IRNGOV; exact: the codes as given (as edges)."),
    ] = "prefix",
    since: Annotated[str | None, Query(description="First day shown (its whole ISO week).")] = None,
    until: Annotated[str | None, Query(description="Last day shown (its whole ISO week).")] = None,
) -> DyadQuery | None:
    """The pair and the break rule, None when neither code is given (the page then shows its
    form); Dyad and BreakRule check them (a 422 names the parameter)."""
    if a is None and b is None:
        return None
    try:
        period = {"since": parse_day(since, "since"), "until": parse_day(until, "until")}
        return DyadQuery(
            Dyad(a or "", b or "", directed, match=match, **period),
            BreakRule(window=window, threshold=threshold, min_history=min_history),
        )
    except FilterError as exc:
        raise unprocessable(exc.field, exc.reason) from exc


def week_links(dyad: Dyad, week: dict[str, Any]) -> list[dict[str, Any]]:
    """The events page for each direction of the week that has events (affirmed ones, as
    counted): the events filter has no "either direction" pair, so one link per direction."""
    sides = [(dyad.a, dyad.b, week["a_to_b"]), (dyad.b, dyad.a, week["b_to_a"])]
    period = {"since": week["start"].isoformat(), "until": week["end"].isoformat()}
    exact = {"match": "exact"} if dyad.match == "exact" else {}
    return [
        {
            "source": source,
            "target": target,
            "count": count,
            "url": "/events?"
            + urlencode(
                {"source": source, "target": target, **period, "negated": "false", **exact}
            ),
        }
        for source, target, count in sides
        if count
    ]


def dyad_series(explorer: Explorer, query: DyadQuery) -> DyadSeries:
    series = explorer.dyad_series(query.dyad, query.rule)
    weeks = [{**w, "links": week_links(query.dyad, w)} for w in series["weeks"]]
    return DyadSeries(**{**series, "weeks": weeks})


@router.get("/dyads", response_model=DyadSeries, summary="A dyad's weekly series")
def get_dyad(
    explorer: ExplorerDep, query: Annotated[DyadQuery | None, Depends(dyad_query)]
) -> DyadSeries:
    """Events between two actors or countries (code prefixes; both directions unless
    ``directed``) per ISO week: counts by quad class, mean Goldstein and the weeks whose conflict
    share or mean Goldstein break from the pair's own trailing baseline (``rule.text`` says how).
    Negated events are left out; each week links to its events."""
    if query is None:
        raise unprocessable("a", "missing: give two actor code prefixes, a and b (a=IRN&b=USA)")
    return dyad_series(explorer, query)
