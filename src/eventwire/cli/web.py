"""`eventwire serve`: the web explorer and JSON API over a database (a thin layer over web/)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from eventwire.cli.common import DbOption, app, open_db, out
from eventwire.config import DEFAULT_DB

WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def allowed_hosts(host: str, extra: list[str]) -> list[str]:
    """Loopback names, the address served on (unless a wildcard) and ``--allowed-host``s."""
    from eventwire.web.guard import LOOPBACK_HOSTS

    own = [] if host in WILDCARD_ADDRESSES else [host]
    return list(dict.fromkeys([*LOOPBACK_HOSTS, *own, *extra]))


@app.command("serve")
def serve_command(
    host: Annotated[
        str,
        typer.Option(help="Interface to listen on; the default serves this machine only."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    db: DbOption = DEFAULT_DB,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="A Host name the server answers besides loopback and --host (repeatable; "
            "'*' answers any: only behind a proxy that checks it). Others get 400, which "
            "stops DNS rebinding.",
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (one per core suits most).")
    ] = 1,
    cache_seconds: Annotated[
        float,
        typer.Option(
            min=0,
            help="Keep answers this long (dropped at once when a SQLite store changes); 0: off.",
        ),
    ] = 30.0,
) -> None:
    """Serve the web explorer and the JSON API (docs at /api/docs) until interrupted."""
    import uvicorn

    from eventwire.web.app import create_app, serve_settings

    hosts = allowed_hosts(host, allowed_host or [])
    store = open_db(db)
    out.print(f"eventwire: serving {store.url} on http://{host}:{port}/ (Ctrl+C stops)")
    try:
        if workers == 1:
            application = create_app(store, allowed_hosts=hosts, cache_seconds=cache_seconds)
            uvicorn.run(application, host=host, port=port, log_level="warning")
            return
        # Several processes: each opens the store itself from the settings in its environment.
        os.environ.update(serve_settings(db, hosts, cache_seconds))
        uvicorn.run(
            "eventwire.web.app:app_from_environment",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
        )
    finally:
        store.close()
