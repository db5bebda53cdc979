"""Commands on stored events: list (grouped or not), explain, and stories."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import Annotated, Any

import typer
from rich.text import Text

from eventwire.cli.common import (
    ActorOption,
    ArticleOption,
    CameoOption,
    CountryOption,
    DayOption,
    DbOption,
    FormatOption,
    GoldsteinMaxOption,
    GoldsteinMinOption,
    LimitOption,
    MatchOption,
    NegatedOption,
    OutletOption,
    PloverOption,
    QuadOption,
    RootOption,
    SearchOption,
    SourceOption,
    TargetOption,
    app,
    check_choice,
    check_stored_search,
    event_filter,
    open_db,
    out,
    say,
)
from eventwire.config import DEFAULT_DB
from eventwire.explain import explanation_report, render_explanation
from eventwire.formats import OUTPUT_FORMATS, write_csv, write_jsonl, write_table
from eventwire.records import EVENT_KEYS, Event

EVENT_COLUMNS = EVENT_KEYS
EVENT_TABLE = (
    ("date", 10),
    ("source", 9),
    ("source_name", 22),
    ("cameo", 5),
    ("plover", 12),
    ("target", 9),
    ("target_name", 22),
    ("event_id", 16),
)


def event_row(event: Event) -> dict[str, Any]:
    row = event.to_dict()
    if row["negated"]:
        row["cameo"] = f"¬{row['cameo']}"  # a table reader must see at once it did not happen
    return row


def write_events(
    rows: Iterator[dict[str, Any]], output: str, total: int | None = None, limit: int | None = None
) -> None:
    if output == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif output == "csv":
        # Text quoted as in `eventwire export --format csv` (codes like 043 stay text there).
        write_csv(rows, sys.stdout, EVENT_COLUMNS, quoting=csv.QUOTE_NONNUMERIC)
    else:
        write_table(rows, out, EVENT_TABLE, limit, total)


GROUP_TABLE = (
    ("date", 10),
    ("source", 9),
    ("cameo", 5),
    ("target", 9),
    ("mentions", 8),
    ("sources", 7),
    ("story_id", 24),
)
STORY_TABLE = (("story_id", 28), ("articles", 8), ("sources", 7), ("members", 60))


@app.command("stories")
def stories_command(
    min_size: Annotated[
        int, typer.Option(min=1, help="Only stories told by at least this many articles.")
    ] = 2,
    output: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Near-duplicate articles grouped into stories, largest first."""
    check_choice(output, OUTPUT_FORMATS, "--format")
    with open_db(db) as store:
        rows = store.iter_stories(min_size=min_size)
        if output == "jsonl":
            write_jsonl(rows, sys.stdout)
        elif output == "csv":
            write_csv(rows, sys.stdout, ("story_id", "articles", "sources", "members"))
        else:
            shown = (
                {**r, "members": ", ".join(f"{m['id']} ({m['source']})" for m in r["members"])}
                for r in rows
            )
            write_table(shown, out, STORY_TABLE, None)


@app.command("events")
def events_command(
    source: SourceOption = None,
    target: TargetOption = None,
    actor: ActorOption = None,
    cameo: CameoOption = None,
    root: RootOption = None,
    plover: PloverOption = None,
    country: CountryOption = None,
    quad: QuadOption = None,
    goldstein_min: GoldsteinMinOption = None,
    goldstein_max: GoldsteinMaxOption = None,
    outlet: OutletOption = None,
    match: MatchOption = "prefix",
    since: DayOption = None,
    until: DayOption = None,
    article: ArticleOption = None,
    search: SearchOption = None,
    negated: NegatedOption = None,
    grouped: Annotated[
        bool,
        typer.Option(
            "--grouped",
            help="One row per story, dyad, code and date, with mentions and sources counts.",
        ),
    ] = False,
    output: FormatOption = "table",
    limit: LimitOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List stored events; jsonl and csv stream every match."""
    check_choice(output, OUTPUT_FORMATS, "--format")
    flt = event_filter(locals())
    row_limit = None if limit == 0 else limit
    with open_db(db) as store:
        check_stored_search(store, flt.search)
        if grouped:
            groups = store.iter_event_groups(flt)
            if output == "jsonl":
                write_jsonl(groups, sys.stdout)
            elif output == "csv":
                # Imported here: the CLI module loads no store code until a command needs it.
                from eventwire.store.events import EVENT_GROUP_COLUMNS

                write_csv(groups, sys.stdout, EVENT_GROUP_COLUMNS, quoting=csv.QUOTE_NONNUMERIC)
            else:
                write_table(groups, out, GROUP_TABLE, 20 if limit is None else row_limit)
            return
        if output == "table":
            table_limit = 20 if limit is None else row_limit
            rows = (event_row(e) for e in store.iter_events(flt, limit=table_limit))
            write_events(rows, output, store.count_events(flt), table_limit)
        else:
            write_events((e.to_dict() for e in store.iter_events(flt, limit=row_limit)), output)


@app.command("explain")
def explain_command(
    event_id: Annotated[str, typer.Argument(metavar="EVENT_ID", help="The event's id.")],
    output: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Why an event was coded: its sentence, the pattern that fired, how each actor was found."""
    check_choice(output, ("text", "json"), "--format")
    with open_db(db) as store:
        event = store.get_event(event_id)
        if event is None:
            say("error", f"no event with id {event_id!r}")
            raise typer.Exit(1)
        why = store.get_explanation(event_id) or {}
        actors = {a.code + "|" + a.name: a for a in store.get_actors(event.doc_id)}
    report = explanation_report(event, why, list(actors.values()))
    if output == "json":
        out.print_json(json.dumps(report, ensure_ascii=False))
        return
    out.print(Text(render_explanation(report)))


# `--set` names: the issue's short names, and the gold-set loaders' own names.
