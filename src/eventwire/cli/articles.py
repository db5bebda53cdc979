"""Commands on articles: ingest, list and show stored articles."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from eventwire.clean import lead_apart
from eventwire.cli.common import (
    ARTICLE_COLUMNS,
    ARTICLE_TABLE,
    DayOption,
    DbOption,
    DictOption,
    FormatOption,
    LimitOption,
    MaxSecondsOption,
    MaxSentencesOption,
    WorkersOption,
    app,
    article_filters,
    check_choice,
    check_stored_search,
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
from eventwire.forkserver import default_workers, start_workers
from eventwire.formats import OUTPUT_FORMATS, write_csv, write_jsonl, write_table

if TYPE_CHECKING:
    from eventwire.ingest import IngestSummary
    from eventwire.sources.count import RecordCount


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
            envvar="EVENTWIRE_MAX_ARTICLE_BYTES", min=1, help="Largest article (bytes) to accept."
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
    follow_links: Annotated[
        bool,
        typer.Option(
            "--follow-links",
            help="Read symbolic links in an input folder that lead out of it (skipped, with a "
            "warning, by default). Pipes, sockets and devices are always skipped.",
        ),
    ] = False,
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
            paths,
            db,
            input_format,
            encoding,
            max_bytes,
            quiet,
            workers or 2,
            scheduler,
            follow_links,
        )
        report(summary)
        raise typer.Exit(0 if summary.ok else 1)
    with open_db(db, create=True) as store:
        expected = expected_records(paths, input_format, quiet, follow_links)
        progress, on_progress = progress_bar("ingesting", quiet, expected)
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
                follow_links=follow_links,
            )
    report(summary)
    if not summary.ok:
        raise typer.Exit(1)


def progress_bar(
    label: str, quiet: bool, expected: RecordCount | None = None, console: Console = err
) -> tuple[Progress, Callable[[IngestSummary], None]]:
    """A transient progress bar on stderr and the callback that updates it from a summary.

    It counts articles done (coded and stored, found stored already, or failed) of the
    ``expected`` total, with the rate and the time left; "of ~N" when the total is an estimate,
    a running count without a bar when there is none (standard input).
    """
    of = "" if expected is None else f" of {'' if expected.exact else '~'}{{task.total}}"
    progress = Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        TextColumn(f"{{task.completed}}{of} articles"),
        TextColumn("{task.fields[rate]:.1f}/s"),
        TimeElapsedColumn(),
        TextColumn("eta {task.fields[eta]}"),
        console=console,
        disable=quiet,
        transient=True,
    )
    total = None if expected is None else expected.total
    task = progress.add_task(label, total=total, rate=0.0, eta=time_left(None))

    def on_progress(summary: IngestSummary) -> None:
        done = summary.new + summary.recoded + summary.duplicate + summary.failed
        rate = done / summary.seconds if summary.seconds else 0.0
        # An estimate that runs short grows with the count rather than showing 120 %.
        grown = None if total is None else max(total, done)
        left = None if grown is None or not rate else (grown - done) / rate
        progress.update(task, completed=done, total=grown, rate=rate, eta=time_left(left))

    return progress, on_progress


def time_left(seconds: float | None) -> str:
    """H:MM:SS, or -:--:-- when unknown. From the run's own rate since it began (Rich's
    column measures between refreshes, and knows nothing until the workers' models load)."""
    if seconds is None:
        return "-:--:--"
    whole = round(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def expected_records(
    paths: list[str], fmt: str | None, quiet: bool, follow_links: bool = False
) -> RecordCount | None:
    """The progress bar's total (not counted when no bar is shown)."""
    if quiet:
        return None
    from eventwire.sources.count import count_records

    return count_records(paths, fmt, follow_links)


def _ingest_dask(
    paths: list[str],
    db: str,
    input_format: str | None,
    encoding: str | None,
    max_bytes: int,
    quiet: bool,
    workers: int,
    scheduler: str | None,
    follow_links: bool = False,
) -> IngestSummary:
    import logging

    from eventwire import sources
    from eventwire.distributed import ingest_dask

    # The nanny logs each worker's slow shutdown as a warning; our own report says what matters.
    logging.getLogger("distributed").setLevel(logging.ERROR)

    expected = expected_records(paths, input_format, quiet, follow_links)
    progress, on_progress = progress_bar("ingesting on Dask", quiet, expected)
    with progress:
        return ingest_dask(
            sources.read(
                paths,
                fmt=input_format,
                encoding=encoding,
                max_bytes=max_bytes,
                follow_links=follow_links,
                on_skip=lambda notice: say("warning", notice),
            ),
            db,
            scheduler=scheduler,
            workers=workers,
            on_batch=on_progress,
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
    nothing_new = not (summary.new or summary.recoded or summary.failed)
    if summary.stopped is None and summary.read and nothing_new:
        line += " — nothing new: every article was stored already"
    err.print(line)
    if summary.stopped is not None:
        # Last, so it is the line a reader sees: the counts above are what the store holds.
        why = f"run stopped, the store refused: {summary.stopped}"
        stop = Text.assemble(("error: ", "red"), why)
        err.print(stop, soft_wrap=True)  # one line, however long the database URL


@app.command("articles")
def articles_command(
    search: Annotated[str | None, typer.Option(help="Full-text search in title and text.")] = None,
    source: Annotated[str | None, typer.Option(help="Only this outlet (case-insensitive).")] = None,
    since: DayOption = None,
    until: DayOption = None,
    output: FormatOption = "table",
    limit: LimitOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List stored articles; jsonl and csv stream every match."""
    check_choice(output, OUTPUT_FORMATS, "--format")
    filters = article_filters(search, source, since, until)
    row_limit = None if limit == 0 else limit
    with open_db(db) as store:
        check_stored_search(store, filters["search"])
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
