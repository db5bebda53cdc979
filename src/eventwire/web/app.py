"""The FastAPI application: the JSON API, the pages, static assets and the security headers.

``create_app(store)`` is what `eventwire serve` and the tests call. Every asset is served from
the package (no CDN), and every response carries a Content-Security-Policy that allows scripts
and styles from this origin only, so stored text can never run as script even if it reached
the page unescaped.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Iterable
from importlib.resources import files
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from eventwire import __version__
from eventwire.errors import StoreError
from eventwire.store import Store, open_store
from eventwire.store.stats import Explorer
from eventwire.web import api, pages
from eventwire.web.cache import CACHE_SECONDS, ResponseCache, store_stamp
from eventwire.web.guard import LOOPBACK_HOSTS, HeadAsGet, HostGuard

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def _problems(errors: list[Any]) -> list[dict[str, Any]]:
    # Only where and what: the offending input is echoed by pydantic and may be huge or unsafe.
    return [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
        for e in errors
    ]


def _message(problems: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}" for e in problems
    )


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") and request.url.path != "/api/docs"


def create_app(
    store: Store | str,
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
    cache_seconds: float = CACHE_SECONDS,
) -> FastAPI:
    """The web application over ``store`` (an open Store, or a database URL to open).

    Only requests whose Host header names one of ``allowed_hosts`` are answered ("*": any);
    successful GET answers are cached for ``cache_seconds`` (0: never) or until the store changes.
    """
    if isinstance(store, str):
        store = open_store(store)
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Political events coded from news articles: articles, events, actors, "
        "statistics and exports. Bad parameters are answered with 422 and the parameter named.",
        # FastAPI's own /docs and /redoc pages load their scripts from a CDN: replaced by
        # /api/docs, rendered from the same OpenAPI document with the package's own assets.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    stamp = store_stamp(store.url)
    app.state.explorer = Explorer(store, stamp=stamp)
    app.state.templates = pages.make_templates(str(files("eventwire.web") / "templates"))
    app.mount("/static", StaticFiles(directory=str(files("eventwire.web") / "static")), "static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    # Added last = runs first: the Host check, then HEAD as GET, then the cache.
    app.add_middleware(ResponseCache, stamp=stamp, ttl=cache_seconds)
    app.add_middleware(HeadAsGet)
    app.add_middleware(HostGuard, allowed=list(allowed_hosts), headers=SECURITY_HEADERS)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = _problems(list(exc.errors()))
        return _error(request, 422, problems, _message(problems))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        detail = exc.detail
        message = _message(detail) if isinstance(detail, list) else str(detail)
        return _error(request, exc.status_code, detail, message)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, str(exc), str(exc))

    return app


# `eventwire serve --workers N` starts N processes, each importing this factory: the settings
# travel in the environment because uvicorn can only start workers from an import string.
SERVE_ENV = {
    "db": "EVENTWIRE_SERVE_DB",
    "hosts": "EVENTWIRE_SERVE_ALLOWED_HOSTS",
    "cache": "EVENTWIRE_SERVE_CACHE_SECONDS",
}


def serve_settings(db: str, allowed_hosts: Iterable[str], cache_seconds: float) -> dict[str, str]:
    """The environment that `app_from_environment` reads (hosts separated by spaces)."""
    return {
        SERVE_ENV["db"]: db,
        SERVE_ENV["hosts"]: " ".join(allowed_hosts),
        SERVE_ENV["cache"]: str(cache_seconds),
    }


def app_from_environment() -> FastAPI:
    """The application one `serve --workers` process runs (see ``serve_settings``)."""
    return create_app(
        os.environ[SERVE_ENV["db"]],
        allowed_hosts=os.environ[SERVE_ENV["hosts"]].split(),
        cache_seconds=float(os.environ[SERVE_ENV["cache"]]),
    )


def _error(request: Request, status: int, detail: Any, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": detail, "message": message}, status_code=status)
    return pages.render(request, "error.html", status=status, status_code=status, message=message)
