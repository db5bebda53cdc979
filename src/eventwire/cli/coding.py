"""Commands that code text without a database: actors and code."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from eventwire.cli.common import (
    ACTOR_COLUMNS,
    ACTOR_TABLE,
    DictOption,
    FormatOption,
    InputFormatOption,
    PublishedOption,
    WorkersOption,
    app,
    check_choice,
    coded,
    documents,
    out,
    use_dicts,
)
from eventwire.cli.events import event_row, write_events
from eventwire.formats import OUTPUT_FORMATS, write_csv, write_jsonl, write_table


@app.command("actors")
def actors_command(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read; - for stdin.")],
    output: FormatOption = "table",
    input_format: InputFormatOption = None,
    published: PublishedOption = None,
    dicts: DictOption = None,
    workers: WorkersOption = None,
) -> None:
    """Recognise and code the actors of articles (no database): one row per actor."""
    check_choice(output, OUTPUT_FORMATS, "--format")
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
