"""The web explorer's pages: server-rendered Jinja2 over the same queries as the API.

Tables, filters and pagination work without JavaScript (plain GET forms and links); the charts,
the network and the map are drawn by the vendored scripts in ``static/`` from the JSON API.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from eventwire.clean import lead_apart
from eventwire.events.codes import table as cameo_table
from eventwire.store import EventFilter
from eventwire.web import api
from eventwire.web.guard import safe_link
from eventwire.web.highlight import highlight
from eventwire.web.params import (
    FILTER_PARAMS,
    Day,
    Paging,
    Sorting,
    event_query,
    paging,
    reject_unknown_params,
    sorting,
)

router = APIRouter(
    include_in_schema=False,
    default_response_class=HTMLResponse,
    dependencies=[Depends(reject_unknown_params)],
)
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def gold_class(score: float | None) -> str:
    """A CSS class for a Goldstein score (−10…10) in five bands: colour without inline styles."""
    if score is None:
        return "gold-none"
    if score <= -5:
        return "gold-n2"
    if score < -0.5:
        return "gold-n1"
    if score <= 0.5:
        return "gold-0"
    return "gold-p1" if score < 5 else "gold-p2"


def cameo_name(code: str | None) -> str:
    """The CAMEO table's name of a code ("043" -> "Host a visit"; roots, upper-case there, in
    sentence case: "04" -> "Consult"); "" for a code the table does not list."""
    entry = cameo_table().get(code or "")
    if entry is None:
        return ""
    return entry.name.capitalize() if entry.name.isupper() else entry.name


def plover_label(plover: str | None, mode: str | None) -> str:
    """A PLOVER type with its mode when known ("CONSULT / visit"); "" without a type."""
    if not plover:
        return ""
    return f"{plover} / {mode}" if mode else plover


def link(request: Request, **changes: Any) -> str:
    """The current page's URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode({k: v for k, v in params.items() if v != ""})
    return f"{request.url.path}?{query}" if query else request.url.path


def filters_of(request: Request) -> dict[str, str]:
    return {k: request.query_params.get(k, "") for k in FILTER_PARAMS}


def make_templates(directory: str) -> Jinja2Templates:
    templates = Jinja2Templates(directory=directory)
    # Autoescaping is on for .html (Starlette's default); stated here because it is the guarantee
    # that a stored "<script>" title renders as text.
    templates.env.autoescape = True
    templates.env.globals.update(
        gold_class=gold_class, link=link, quad_names=QUAD_NAMES, filters_of=filters_of
    )
    # Names of codes, from the CAMEO table, shown beside them.
    templates.env.globals.update(cameo_name=cameo_name, plover_label=plover_label)
    # Stored URLs are input: only http(s) ones become links (guard.safe_link).
    templates.env.globals.update(safe_link=safe_link)
    return templates


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status)


StoreDep = api.StoreDep
ExplorerDep = api.ExplorerDep
QueryDep = Annotated[EventFilter, Depends(event_query)]
PagingDep = Annotated[Paging, Depends(paging)]


@router.get("/")
def dashboard(request: Request, store: StoreDep, explorer: ExplorerDep) -> HTMLResponse:
    stats = explorer.stats(EventFilter())
    totals = store.stats()
    actors, _ = explorer.actors(None, 1, 0)
    return render(request, "dashboard.html", stats=stats, totals=totals, actor_codes=actors)


@router.get("/events")
def events_page(
    request: Request,
    explorer: ExplorerDep,
    query: QueryDep,
    order: Annotated[Sorting, Depends(sorting)],
    page: PagingDep,
) -> HTMLResponse:
    result = api.list_events(explorer, query, page, order)
    return render(
        request,
        "events.html",
        result=result,
        filters=filters_of(request),
        export_query=urlencode({k: v for k, v in filters_of(request).items() if v}),
    )


@router.get("/events/{event_id}")
def event_page(
    request: Request,
    store: StoreDep,
    event_id: Annotated[str, PathParam(pattern=r"^[A-Za-z0-9_-]{1,64}$")],
) -> HTMLResponse:
    """One event's card (what was coded and why) with its sentence and a link to its article."""
    event = store.get_event(event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return render(request, "event.html", detail=api.event_detail(store, event))


@router.get("/articles")
def articles_page(
    request: Request,
    store: StoreDep,
    explorer: ExplorerDep,
    page: PagingDep,
    q: api.ArticleSearch = None,
    search: api.OldArticleSearch = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    since: Day = None,
    until: Day = None,
) -> HTMLResponse:
    search = api.article_words(q, search)
    total, items = api.article_page(
        store, explorer, page, search=search, source=source, since=since, until=until
    )
    return render(
        request,
        "articles.html",
        total=total,
        items=items,
        page=page,
        search=search or "",
        source=source or "",
        since=since or "",
        until=until or "",
    )


@router.get("/articles/{article_id:path}")
def article_page(
    request: Request, store: StoreDep, explorer: ExplorerDep, article_id: str
) -> HTMLResponse:
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    detail = api.article_detail(store, article_id)
    events = api.article_events(store, article_id)
    actors = store.get_actors(article_id)
    explained = [api.event_detail(store, e, article, actors) for e in events]
    blocks = highlight(article, explorer.sentence_spans(article_id), actors, events)
    # A record's lead is metadata, not coded: shown above the text unless the text opens with it.
    lead = lead_apart(article.lead, article.text)
    return render(
        request, "article.html", article=detail, lead=lead, blocks=blocks, explained=explained
    )


@router.get("/actors")
def actors_page(
    request: Request,
    explorer: ExplorerDep,
    page: PagingDep,
    q: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    result = api.list_actors(explorer, page, q)
    return render(request, "actors.html", result=result, q=q or "")


@router.get("/actors/{code}")
def actor_page(
    request: Request,
    explorer: ExplorerDep,
    code: Annotated[str, PathParam(pattern=r"^[A-Za-z0-9]{1,24}$")],
) -> HTMLResponse:
    detail = api.get_actor(explorer, code, 100)
    return render(request, "actor.html", actor=detail)


@router.get("/network")
def network_page(request: Request, query: QueryDep) -> HTMLResponse:
    return render(request, "network.html", filters=filters_of(request))


@router.get("/map")
def map_page(request: Request, query: QueryDep) -> HTMLResponse:
    return render(request, "map.html", filters=filters_of(request))


@router.get("/dyads")
def dyad_page(
    request: Request,
    explorer: ExplorerDep,
    query: Annotated[api.DyadQuery | None, Depends(api.dyad_query)],
) -> HTMLResponse:
    """Two actors' weekly series; with neither code given, the form alone (a page to start from)."""
    form = {k: v for k, v in request.query_params.items() if v}
    if query is None:
        return render(request, "dyad.html", series=None, form=form)
    series = api.dyad_series(explorer, query)
    return render(request, "dyad.html", series=series, form=form, api_query=urlencode(form))


@router.get("/api/docs")
def api_docs(request: Request) -> HTMLResponse:
    """Human-readable API reference, rendered from the OpenAPI document (no CDN assets)."""
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                            "schema": _schema_text(p.get("schema", {})),
                        }
                        for p in op.get("parameters", [])
                    ],
                }
            )
    return render(request, "apidocs.html", endpoints=endpoints, title=spec["info"]["title"])


def _schema_text(schema: dict[str, Any]) -> str:
    options = schema.get("anyOf")
    if options:
        return " | ".join(_schema_text(o) for o in options)
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    parts = [str(schema.get("type", ""))]
    for key, label in (("minimum", "≥"), ("maximum", "≤"), ("pattern", "~"), ("maxLength", "len≤")):
        if key in schema:
            parts.append(f"{label}{schema[key]}")
    if "default" in schema:
        parts.append(f"default {schema['default']}")
    return " ".join(p for p in parts if p)
