"""`eventwire serve`: the web explorer and JSON API over a database (a thin layer over web/)."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli.common import DbOption, app, open_db, out
from eventwire.config import DEFAULT_DB


@app.command("serve")
def serve_command(
    host: Annotated[
        str,
        typer.Option(help="Interface to listen on; the default serves this machine only."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Serve the web explorer and the JSON API (docs at /api/docs) until interrupted."""
    import uvicorn

    from eventwire.web import create_app

    store = open_db(db)
    out.print(f"eventwire: serving {store.url} on http://{host}:{port}/ (Ctrl+C stops)")
    try:
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
    finally:
        store.close()
