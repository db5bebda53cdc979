"""Commands on articles: ingest, list and show stored articles."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.panel import Panel
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from eventwire.clean import lead_apart
from eventwire.cli.common import (
    ARTICLE_COLUMNS,
    ARTICLE_TABLE,
    DayOption,
    DbOption,
    DictOption,
    FormatOption,
    MaxSecondsOption,
    MaxSentencesOption,
    WorkersOption,
    app,
    check_choice,
    day_of,
    err,
    open_db,
    out,
    say,
    use_dicts,
)
from eventwire.config import (
    CALENDARS,
    DEFAULT_DB,
    DEFAULT_MAX_ARTICLE_BYTES,
    DEFAULT_MAX_ARTICLE_SECONDS,
    DEFAULT_MAX_SENTENCES,
    INPUT_FORMATS,
    Limits,
)
from eventwire.formats import OUTPUT_FORMATS, write_csv, write_jsonl, write_table
from eventwire.parallel import default_workers, start_workers

if TYPE_CHECKING:
    from eventwire.ingest import IngestSummary


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read; - for stdin.")],
    db: DbOption = DEFAULT_DB,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--format", help=f"Input format ({', '.join(INPUT_FORMATS)}); detected when omitted."
        ),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Text encoding of the input when it is not UTF-8.")
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option(
            envvar="EVENTWIRE_MAX_ARTICLE_BYTES", help="Largest article (bytes) to accept."
        ),
    ] = DEFAULT_MAX_ARTICLE_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    dicts: DictOption = None,
    workers: WorkersOption = None,
    engine: Annotated[
        str, typer.Option(help="local (this machine's processes) or dask (a Dask cluster).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); a LocalCluster if omitted."),
    ] = None,
    reprocess: Annotated[
        bool,
        typer.Option(
            "--reprocess",
            help="Code stored articles of the input again with the current coder, replacing "
            "their sentences, actors and events.",
        ),
    ] = False,
    max_sentences: MaxSentencesOption = DEFAULT_MAX_SENTENCES,
    max_seconds: MaxSecondsOption = DEFAULT_MAX_ARTICLE_SECONDS,
    calendar: Annotated[
        str | None,
        typer.Option(
            help="Calendar of numeric dates in JSONL/CSV records: gregorian (default) or jalali "
            "(1399-12-30 is read as solar hijri). A record's own 'calendar' field also counts."
        ),
    ] = None,
) -> None:
    """Read, code and store articles; re-ingesting the same article adds nothing."""
    check_choice(input_format, INPUT_FORMATS, "--format")
    check_choice(calendar, CALENDARS, "--calendar")
    check_choice(engine, ("local", "dask"), "--engine")
    if reprocess and engine != "local":
        raise typer.BadParameter("runs on the local engine only", param_hint="--reprocess")
    use_dicts(dicts)
    if engine == "local" and (workers or default_workers()) > 1:
        start_workers()  # the workers' models load while the store opens and input is read
    limits = Limits(max_sentences=max_sentences, max_seconds=max_seconds)
    from eventwire.ingest import ingest

    if engine == "dask":
        summary = _ingest_dask(
            paths, db, input_format, encoding, max_bytes, quiet, workers or 2, scheduler
        )
        report(summary)
        raise typer.Exit(0 if summary.ok else 1)
    with open_db(db) as store:
        progress, on_progress = progress_bar("ingesting", quiet)
        with progress:
            summary = ingest(
                paths,
                store,
                fmt=input_format,
                encoding=encoding,
                max_bytes=max_bytes,
                on_progress=on_progress,
                workers=workers or default_workers(),
                reprocess=reprocess,
                limits=limits,
                calendar=calendar,
            )
    report(summary)
    if not summary.ok:
        raise typer.Exit(1)


def progress_bar(label: str, quiet: bool) -> tuple[Progress, Callable[[IngestSummary], None]]:
    """A transient progress line on stderr and the callback that updates it from a summary."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn(label),
        TextColumn("{task.completed} read"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )
    task = progress.add_task(label, total=None, rate=0.0)

    def on_progress(summary: IngestSummary) -> None:
        rate = summary.read / summary.seconds if summary.seconds else 0.0
        progress.update(task, completed=summary.read, rate=rate)

    return progress, on_progress


def _ingest_dask(
    paths: list[str],
    db: str,
    input_format: str | None,
    encoding: str | None,
    max_bytes: int,
    quiet: bool,
    workers: int,
    scheduler: str | None,
) -> IngestSummary:
    import logging

    from eventwire import sources
    from eventwire.distributed import ingest_dask

    # The nanny logs each worker's slow shutdown as a warning; our own report says what matters.
    logging.getLogger("distributed").setLevel(logging.ERROR)

    progress = Progress(
        SpinnerColumn(),
        TextColumn("ingesting on Dask"),
        TextColumn("{task.completed} stored or skipped"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )
    task = progress.add_task("dask", total=None)
    with progress:
        return ingest_dask(
            sources.read(paths, fmt=input_format, encoding=encoding, max_bytes=max_bytes),
            db,
            scheduler=scheduler,
            workers=workers,
            on_batch=lambda s: progress.update(task, completed=s.new + s.duplicate),
        )


def report(summary: IngestSummary) -> None:
    """The warnings, the failures and a one-line summary of an ingest or reprocess run."""
    shown_warnings = 20
    for warning in summary.warnings[:shown_warnings]:
        say("warning", warning)
    if len(summary.warnings) > shown_warnings:
        say("warning", f"… and {len(summary.warnings) - shown_warnings} more")
    for failure in summary.failures:
        say("error", failure)
    rate = summary.read / summary.seconds if summary.seconds else 0.0
    recoded = f"recoded {summary.recoded} · " if summary.recoded else ""
    line = (
        f"read {summary.read} · new {summary.new} · {recoded}duplicate {summary.duplicate} · "
        f"failed {summary.failed} · warnings {len(summary.warnings)} "
        f"in {summary.seconds:.1f} s ({rate:.1f} articles/s)"
    )
    if summary.read and not summary.new and not summary.recoded and not summary.failed:
        line += " — nothing new: every article was stored already"
    err.print(line)


@app.command("articles")
def articles_command(
    search: Annotated[str | None, typer.Option(help="Full-text search in title and text.")] = None,
    source: Annotated[str | None, typer.Option(help="Only this outlet (case-insensitive).")] = None,
    since: DayOption = None,
    until: DayOption = None,
    output: FormatOption = "table",
    limit: Annotated[
        int | None,
        typer.Option(help="At most this many rows (table default 20; 0 = all)."),
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List stored articles; jsonl and csv stream every match."""
    check_choice(output, OUTPUT_FORMATS, "--format")
    filters: dict[str, Any] = {
        "search": search,
        "source": source,
        "since": day_of(since),
        "until": day_of(until),
    }
    row_limit = None if limit == 0 else limit
    with open_db(db) as store:
        rows: Iterator[dict[str, Any]] = (
            a.to_dict() for a in store.iter_articles(**filters, limit=row_limit)
        )
        if output == "jsonl":
            write_jsonl(rows, sys.stdout)
        elif output == "csv":
            write_csv(rows, sys.stdout, ARTICLE_COLUMNS)
        else:
            table_limit = 20 if limit is None else row_limit
            total = store.count_articles(**filters)
            write_table(rows, out, ARTICLE_TABLE, table_limit, total)


@app.command("show")
def show_command(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="The article's id.")],
    output: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show one stored article."""
    check_choice(output, ("text", "json"), "--format")
    with open_db(db) as store:
        article = store.get_article(article_id)
    if article is None:
        say("error", f"no article with id {article_id!r}")
        raise typer.Exit(1)
    data = article.to_dict()
    if output == "json":
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    meta = "  ".join(
        f"{key}: {data[key]}"
        for key in ("id", "source", "published", "news_code", "url", "language")
        if data[key]
    )
    # A record's lead is metadata: shown above the text, unless the text opens with it.
    body = "\n\n".join(
        part for part in (lead_apart(article.lead, article.text), article.text) if part
    )
    tags = f"\n\ntags: {', '.join(data['tags'])}" if data["tags"] else ""
    # Article text is data: Text() keeps brackets in it from being read as Rich markup.
    title = Text(data["title"] or article.id, style="bold")
    out.print(Panel(Text(f"{meta}\n\n{body}{tags}"), title=title, expand=True))
