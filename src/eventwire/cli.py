"""The command line: a thin Typer layer over the library's functions (ingest, store queries)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from eventwire import __version__, sources
from eventwire.config import DEFAULT_DB, DEFAULT_MAX_ARTICLE_BYTES
from eventwire.errors import EventwireError
from eventwire.explain import explanation_report, render_explanation
from eventwire.formats import OUTPUT_FORMATS, write_csv, write_jsonl, write_table
from eventwire.ingest import IngestSummary, ingest
from eventwire.pipeline import Document, StageFailure, process_all
from eventwire.records import Article, Event, Published, ReadFailure
from eventwire.sources import FORMATS as INPUT_FORMATS
from eventwire.store import EventFilter, Store, open_store

app = typer.Typer(
    name="eventwire",
    help="Turn news articles into political event data: who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

ARTICLE_COLUMNS = (
    "id",
    "source",
    "title",
    "lead",
    "text",
    "published",
    "news_code",
    "tags",
    "url",
    "language",
    "meta",
)
ARTICLE_TABLE = (("id", 32), ("published", 25), ("source", 12), ("title", 60))

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="EVENTWIRE_DB",
        help="Database URL (any SQLAlchemy URL; PostgreSQL for shared use).",
        show_default=True,
    ),
]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help=f"Output format: {', '.join(OUTPUT_FORMATS)}.")
]
DayOption = Annotated[
    datetime | None, typer.Option(formats=["%Y-%m-%d"], help="A day, YYYY-MM-DD (inclusive).")
]


def _version(value: bool) -> None:
    if value:
        out.print(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Turn news articles into political event data: who did what to whom, when and where."""


def _say(kind: str, message: object) -> None:
    """Print an error or warning to stderr; the message is data, never Rich markup."""
    style = "red" if kind == "error" else "yellow"
    err.print(Text.assemble((f"{kind}: ", style), str(message)))


def _open(db: str) -> Store:
    try:
        return open_store(db)
    except EventwireError as exc:
        _say("error", exc)
        raise typer.Exit(2) from exc


DictOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--dict",
        help="User actor dictionary (YAML, CSV or PETRARCH/TABARI .txt), merged over the shipped "
        "lexicon; repeat for several.",
    ),
]


def _use_dicts(paths: list[Path] | None) -> None:
    """Put user dictionaries in force (via EVENTWIRE_DICT) and check them before any work."""
    from eventwire.actors.lexicon import DICT_ENV, configured_lexicon

    if paths:
        os.environ[DICT_ENV] = os.pathsep.join(str(p) for p in paths)
    try:
        configured_lexicon()
    except (EventwireError, OSError) as exc:
        _say("error", exc)
        raise typer.Exit(2) from exc


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _check_choice(value: str | None, allowed: tuple[str, ...], option: str) -> None:
    if value is not None and value not in allowed:
        raise typer.BadParameter(
            f"{value!r}; choose one of {', '.join(allowed)}", param_hint=option
        )


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
) -> None:
    """Read, code and store articles; re-ingesting the same article adds nothing."""
    _check_choice(input_format, INPUT_FORMATS, "--format")
    _use_dicts(dicts)
    with _open(db) as store:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("ingesting"),
            TextColumn("{task.completed} read"),
            TextColumn("{task.fields[rate]:.1f} articles/s"),
            TimeElapsedColumn(),
            console=err,
            disable=quiet,
            transient=True,
        )
        task = progress.add_task("ingest", total=None, rate=0.0)

        def on_progress(summary: IngestSummary) -> None:
            rate = summary.read / summary.seconds if summary.seconds else 0.0
            progress.update(task, completed=summary.read, rate=rate)

        with progress:
            summary = ingest(
                paths,
                store,
                fmt=input_format,
                encoding=encoding,
                max_bytes=max_bytes,
                on_progress=on_progress,
            )
    _report(summary)
    if not summary.ok:
        raise typer.Exit(1)


def _report(summary: IngestSummary) -> None:
    shown_warnings = 20
    for warning in summary.warnings[:shown_warnings]:
        _say("warning", warning)
    if len(summary.warnings) > shown_warnings:
        _say("warning", f"… and {len(summary.warnings) - shown_warnings} more")
    for failure in summary.failures:
        _say("error", failure)
    rate = summary.read / summary.seconds if summary.seconds else 0.0
    line = (
        f"read {summary.read} · new {summary.new} · duplicate {summary.duplicate} · "
        f"failed {summary.failed} · warnings {len(summary.warnings)} "
        f"in {summary.seconds:.1f} s ({rate:.1f} articles/s)"
    )
    if summary.read and not summary.new and not summary.failed:
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
    _check_choice(output, OUTPUT_FORMATS, "--format")
    filters: dict[str, Any] = {
        "search": search,
        "source": source,
        "since": _day(since),
        "until": _day(until),
    }
    row_limit = None if limit == 0 else limit
    with _open(db) as store:
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
    _check_choice(output, ("text", "json"), "--format")
    with _open(db) as store:
        article = store.get_article(article_id)
    if article is None:
        _say("error", f"no article with id {article_id!r}")
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
    body = "\n\n".join(part for part in (data["lead"], data["text"]) if part)
    tags = f"\n\ntags: {', '.join(data['tags'])}" if data["tags"] else ""
    # Article text is data: Text() keeps brackets in it from being read as Rich markup.
    title = Text(data["title"] or article.id, style="bold")
    out.print(Panel(Text(f"{meta}\n\n{body}{tags}"), title=title, expand=True))


ACTOR_COLUMNS = ("doc_id", "name", "code", "country", "sector", "kind", "resolved_by", "mentions")
ACTOR_TABLE = (("name", 28), ("code", 10), ("resolved_by", 10), ("mentions", 60))

InputFormatOption = Annotated[
    str | None,
    typer.Option(
        "--input-format", help=f"Input format ({', '.join(INPUT_FORMATS)}); detected when omitted."
    ),
]
PublishedOption = Annotated[
    datetime | None,
    typer.Option(
        formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S"],
        help="Publication date for articles that give none (YYYY-MM-DD).",
    ),
]


def _documents(
    paths: list[str], input_format: str | None, published: datetime | None
) -> Iterator[Document | ReadFailure | StageFailure]:
    """Read and process articles without a database, for `actors` and `code`."""
    _check_choice(input_format, INPUT_FORMATS, "--input-format")
    results = sources.read(paths, fmt=input_format)
    if published is not None:
        fallback = published if published.hour or published.minute else published.date()
        results = (_with_published(r, fallback) for r in results)
    return process_all(results)


def _with_published(result: Article | ReadFailure, day: Published) -> Article | ReadFailure:
    if isinstance(result, Article) and result.published is None:
        result.published = day
    return result


def _coded(
    docs: Iterator[Document | ReadFailure | StageFailure], failures: list[object]
) -> Iterator[Document]:
    """The documents of a stream; failures are reported as met and collected for the exit code."""
    for doc in docs:
        if isinstance(doc, Document):
            yield doc
        else:
            _say("error", doc)
            failures.append(doc)


@app.command("actors")
def actors_command(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read; - for stdin.")],
    output: FormatOption = "table",
    input_format: InputFormatOption = None,
    published: PublishedOption = None,
    dicts: DictOption = None,
) -> None:
    """Recognise and code the actors of articles (no database): one row per actor."""
    _check_choice(output, OUTPUT_FORMATS, "--format")
    _use_dicts(dicts)
    failures: list[object] = []
    docs = _coded(_documents(paths, input_format, published), failures)
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


EVENT_COLUMNS = (
    "event_id",
    "doc_id",
    "sentence",
    "text",
    "span",
    "source",
    "source_name",
    "target",
    "target_name",
    "cameo",
    "root",
    "plover",
    "plover_mode",
    "quad_class",
    "goldstein",
    "date",
    "date_basis",
    "location",
    "negated",
    "confidence",
    "rule",
)
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


def _event_row(event: Event) -> dict[str, Any]:
    row = event.to_dict()
    if row["negated"]:
        row["cameo"] = f"¬{row['cameo']}"  # a table reader must see at once it did not happen
    return row


def _write_events(
    rows: Iterator[dict[str, Any]], output: str, total: int | None = None, limit: int | None = None
) -> None:
    if output == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif output == "csv":
        write_csv(rows, sys.stdout, EVENT_COLUMNS)
    else:
        write_table(rows, out, EVENT_TABLE, limit, total)


GROUP_COLUMNS = (
    "story_id",
    "date",
    "source",
    "source_name",
    "cameo",
    "plover",
    "goldstein",
    "target",
    "target_name",
    "mentions",
    "sources",
    "event_ids",
)
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
        int, typer.Option(help="Only stories told by at least this many articles.")
    ] = 2,
    output: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Near-duplicate articles grouped into stories, largest first."""
    _check_choice(output, OUTPUT_FORMATS, "--format")
    with _open(db) as store:
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


@app.command("code")
def code_command(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to read; - or nothing for stdin.")
    ] = None,
    output: FormatOption = "table",
    input_format: InputFormatOption = None,
    published: PublishedOption = None,
    dicts: DictOption = None,
) -> None:
    """Code events in articles without a database: one event per line (jsonl) or row."""
    _check_choice(output, OUTPUT_FORMATS, "--format")
    _use_dicts(dicts)
    failures: list[object] = []
    docs = _coded(_documents(paths or ["-"], input_format, published), failures)
    events = (event for doc in docs for event in doc.events)
    if output == "table":
        _write_events((_event_row(e) for e in events), output)
    else:
        _write_events((e.to_dict() for e in events), output)
    if failures:
        raise typer.Exit(1)


@app.command("events")
def events_command(
    source: Annotated[str | None, typer.Option(help="Source actor code (prefix: IRN).")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code (prefix).")] = None,
    actor: Annotated[str | None, typer.Option(help="Either side's actor code (prefix).")] = None,
    cameo: Annotated[
        str | None, typer.Option(help="CAMEO code (prefix: 04 finds 040-046).")
    ] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root, two digits.")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER event type (CONSULT...).")] = None,
    since: DayOption = None,
    until: DayOption = None,
    article: Annotated[str | None, typer.Option(help="Only events of this article id.")] = None,
    negated: Annotated[
        bool, typer.Option("--negated/--no-negated", help="Include events the text denies.")
    ] = True,
    grouped: Annotated[
        bool,
        typer.Option(
            "--grouped",
            help="One row per story, dyad, code and date, with mentions and sources counts.",
        ),
    ] = False,
    output: FormatOption = "table",
    limit: Annotated[
        int | None, typer.Option(help="At most this many rows (table default 20; 0 = all).")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List stored events; jsonl and csv stream every match."""
    _check_choice(output, OUTPUT_FORMATS, "--format")
    flt = EventFilter(
        source=source,
        target=target,
        actor=actor,
        cameo=cameo,
        root=root,
        plover=plover,
        since=_day(since),
        until=_day(until),
        doc_id=article,
        negated=None if negated else False,
    )
    row_limit = None if limit == 0 else limit
    with _open(db) as store:
        if grouped:
            groups = store.iter_event_groups(flt)
            if output == "jsonl":
                write_jsonl(groups, sys.stdout)
            elif output == "csv":
                write_csv(groups, sys.stdout, GROUP_COLUMNS)
            else:
                write_table(groups, out, GROUP_TABLE, 20 if limit is None else row_limit)
            return
        if output == "table":
            table_limit = 20 if limit is None else row_limit
            rows = (_event_row(e) for e in store.iter_events(flt, limit=table_limit))
            _write_events(rows, output, store.count_events(flt), table_limit)
        else:
            _write_events((e.to_dict() for e in store.iter_events(flt, limit=row_limit)), output)


@app.command("explain")
def explain_command(
    event_id: Annotated[str, typer.Argument(metavar="EVENT_ID", help="The event's id.")],
    output: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Why an event was coded: its sentence, the pattern that fired, how each actor was found."""
    _check_choice(output, ("text", "json"), "--format")
    with _open(db) as store:
        event = store.get_event(event_id)
        if event is None:
            _say("error", f"no event with id {event_id!r}")
            raise typer.Exit(1)
        why = store.get_explanation(event_id) or {}
        actors = {a.code + "|" + a.name: a for a in store.get_actors(event.doc_id)}
    report = explanation_report(event, why, list(actors.values()))
    if output == "json":
        out.print_json(json.dumps(report, ensure_ascii=False))
        return
    out.print(Text(render_explanation(report)))


# `--set` names: the issue's short names, and the gold-set loaders' own names.
EVAL_SETS = {
    "seed": "seed",
    "plover": "plover",
    "petr": "petr2_gsr",
    "petr2_gsr": "petr2_gsr",
    "petr2_unit": "petr2_unit",
}


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="A gold file (JSONL gold set or *.gold.json).")],
    set_name: Annotated[
        str | None,
        typer.Option("--set", help="seed, plover or petr (guessed from the file name if omitted)."),
    ] = None,
    output: Annotated[str, typer.Option("--format", "-f", help="text, markdown or json.")] = "text",
    misses: Annotated[int, typer.Option(help="How many misses and false positives to list.")] = 20,
) -> None:
    """Score the coder against a gold set: precision, recall, F1, per class, and the misses."""
    from eventwire.evaluate import run as run_eval
    from eventwire.events.coder import gold_coder

    _check_choice(output, ("text", "markdown", "json"), "--format")
    if set_name is not None and set_name not in EVAL_SETS:
        raise typer.BadParameter(
            f"{set_name!r}; choose one of {', '.join(EVAL_SETS)}", param_hint="--set"
        )
    if not gold.is_file():
        _say("error", f"{gold}: no such gold file")
        raise typer.Exit(2)
    try:
        report = run_eval(gold, EVAL_SETS[set_name] if set_name else None, gold_coder)
    except (EventwireError, ValueError, KeyError) as exc:
        _say("error", f"{gold}: {exc}")
        raise typer.Exit(2) from exc
    if output == "json":
        sys.stdout.write(report.to_json() + "\n")
    else:
        # The markdown report is also readable as plain text in a terminal.
        sys.stdout.write(report.to_markdown(limit=misses))


def main() -> None:
    app()
