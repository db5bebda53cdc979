"""Commands that code text without a database: actors and code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.common import (
    ACTOR_COLUMNS,
    ACTOR_TABLE,
    DbOption,
    DictOption,
    FormatOption,
    InputFormatOption,
    PublishedOption,
    WorkersOption,
    app,
    check_choice,
    coded,
    documents,
    err,
    open_db,
    out,
    use_dicts,
)
from eventwire.cli.events import event_row, write_events
from eventwire.config import DEFAULT_DB
from eventwire.formats import OUTPUT_FORMATS, write_csv, write_jsonl, write_table

LEARNED_COLUMNS = (
    "name",
    "code",
    "first",
    "last",
    "articles",
    "from",
    "until",
    "example_article",
    "example_sentence",
    "example_start",
    "example_end",
)
LEARNED_TABLE = (
    ("name", 28),
    ("code", 10),
    ("first", 10),
    ("last", 10),
    ("articles", 8),
    ("until", 10),
    ("example", 40),
)


@app.command("actors")
def actors_command(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to read; - for stdin.")
    ] = None,
    output: FormatOption = "table",
    input_format: InputFormatOption = None,
    published: PublishedOption = None,
    dicts: DictOption = None,
    workers: WorkersOption = None,
    show_learned: Annotated[
        bool,
        typer.Option(
            "--learned",
            help="List the learned actor registry of the database (--db) instead: persons "
            "stored articles coded from their own titles, with their support.",
        ),
    ] = False,
    export: Annotated[
        Path | None,
        typer.Option(
            help="With --learned: write the registry as a user dictionary (.yaml or .csv) that "
            "--dict reads."
        ),
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Recognise and code the actors of articles (no database): one row per actor.

    With --learned, list (or --export) the learned actor registry of a database instead."""
    check_choice(output, OUTPUT_FORMATS, "--format")
    if show_learned:
        if paths:
            raise typer.BadParameter("give files or --learned, not both", param_hint="--learned")
        _learned(db, output, export)
        return
    if export is not None:
        raise typer.BadParameter("needs --learned", param_hint="--export")
    if not paths:
        raise typer.BadParameter("give files or folders to read (- for stdin)", param_hint="PATHS")
    use_dicts(dicts)
    failures: list[object] = []
    docs = coded(documents(paths, input_format, published, workers), failures)
    rows = ({"doc_id": doc.article.id, **actor.to_dict()} for doc in docs for actor in doc.actors)
    if output == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif output == "csv":
        write_csv(rows, sys.stdout, ACTOR_COLUMNS)
    else:
        table_rows = (
            {**row, "mentions": ", ".join(sorted({m["text"] for m in row["mentions"]}))}
            for row in rows
        )
        write_table(table_rows, out, ACTOR_TABLE, None)
    if failures:
        raise typer.Exit(1)


@app.command("code")
def code_command(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to read; - or nothing for stdin.")
    ] = None,
    output: FormatOption = "table",
    input_format: InputFormatOption = None,
    published: PublishedOption = None,
    dicts: DictOption = None,
    workers: WorkersOption = None,
) -> None:
    """Code events in articles without a database: one event per line (jsonl) or row."""
    check_choice(output, OUTPUT_FORMATS, "--format")
    use_dicts(dicts)
    failures: list[object] = []
    docs = coded(documents(paths or ["-"], input_format, published, workers), failures)
    events = (event for doc in docs for event in doc.events)
    if output == "table":
        write_events((event_row(e) for e in events), output)
    else:
        write_events((e.to_dict() for e in events), output)
    if failures:
        raise typer.Exit(1)


def _learned(db: str, output: str, export: Path | None) -> None:
    """`actors --learned`: the registry of a database, listed or written as a dictionary."""
    from eventwire.actors import learned

    with open_db(db) as store:
        registry = learned.Registry(store.learned_codes())
    if export is not None:
        try:
            text = learned.as_user_dictionary(registry, export.suffix)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--export") from exc
        export.write_text(text, encoding="utf-8")
        names = len({code.name for code in registry.codes()})
        err.print(f"{_count(names, 'name')}, {_count(len(registry), 'code')} written to {export}")
        return
    rows = learned.rows(registry)
    if output == "jsonl":
        write_jsonl(iter(rows), sys.stdout)
    elif output == "csv":
        write_csv(iter(rows), sys.stdout, LEARNED_COLUMNS)
    else:
        table_rows = (
            {
                **row,
                "example": f"{row['example_article']} sentence {row['example_sentence']} "
                f"{row['example_start']}..{row['example_end']}",
            }
            for row in rows
        )
        write_table(table_rows, out, LEARNED_TABLE, None)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
