"""The command line: a thin Typer layer over the library's functions (one module per area)."""

from eventwire.cli import articles, coding, evaluation, events, export, reprocess, web
from eventwire.cli.common import app
from eventwire.cli.events import EVENT_COLUMNS

__all__ = [
    "EVENT_COLUMNS",
    "app",
    "articles",
    "coding",
    "evaluation",
    "events",
    "export",
    "main",
    "reprocess",
    "web",
]


def main() -> None:
    app()
