"""`eventwire export`: stored events to a file in a standard format (thin, over export.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.common import (
    ActorOption,
    ArticleOption,
    CameoOption,
    CountryOption,
    DayOption,
    DbOption,
    GoldsteinMaxOption,
    GoldsteinMinOption,
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
from eventwire.config import DEFAULT_DB, EXPORT_FORMATS
from eventwire.errors import EventwireError


@app.command("export")
def export_command(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"File format: {', '.join(EXPORT_FORMATS)}.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
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
    include_negated: Annotated[
        bool,
        typer.Option(
            "--include-negated",
            help="Also export events the text denies (left out unless this or --negated).",
        ),
    ] = False,
    grouped: Annotated[
        bool,
        typer.Option(
            "--grouped",
            help="One row per event (story, dyad, code, date) with mention, source and article"
            " counts, as GDELT's events table; tsv and csv.",
        ),
    ] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export stored events: CSV, GDELT-layout TSV, PLOVER JSONL, Parquet, GeoJSON, GraphML."""
    from eventwire.export import GROUPED_FORMATS, export_store

    check_choice(fmt, EXPORT_FORMATS, "--format")
    if grouped:
        check_choice(fmt, GROUPED_FORMATS, "--format (with --grouped)")
    flt = event_filter(locals())
    with open_db(db) as store:
        check_stored_search(store, flt.search)
        try:
            written = export_store(
                store, fmt, output, flt, include_negated=include_negated, grouped=grouped
            )
        except (EventwireError, OSError) as exc:
            say("error", exc)
            raise typer.Exit(1) from exc
    out.print(f"{written.records} records written to {output} ({fmt})")
    if written.left_out:
        say("warning", f"{written.left_out} events left out {written.why}")
