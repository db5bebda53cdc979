"""Shared parts of the command line: the Typer app, consoles, options and small helpers.

The command modules import only what defining the commands needs; the readers, the store and
the coder are imported inside the commands that use them. Importing all of them costs ~0.7 s,
which every command, and every worker process (it imports the main script), would pay before
doing anything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperCommand
from typer.models import CommandFunctionType

from eventwire.config import DICT_ENV, INPUT_FORMATS
from eventwire.errors import EventwireError
from eventwire.forkserver import default_workers, start_workers
from eventwire.formats import OUTPUT_FORMATS
from eventwire.records import Article, Published, ReadFailure

if TYPE_CHECKING:
    from eventwire.pipeline import Document, StageFailure
    from eventwire.store import EventFilter, Store

# What help shows for a value instead of Typer's Python type (``--db <str>``, ``<list[Path]>``):
# words for people; an argument's own name says enough, so its type is dropped.
_PLAIN_VALUES = {
    "str": "TEXT",
    "int": "N",
    "int range": "N",
    "float": "NUMBER",
    "float range": "NUMBER",
    "Path": "PATH",
    "list[str]": "TEXT",
    "list[Path]": "PATH",
}
_TYPE_LABEL = re.compile(r" <([^<>]+)>$")


def plain_term(term: str) -> str:
    """A help row's left column with the value named in words: ``--limit <int range>`` →
    ``--limit N``, ``--since <%Y-%m-%d>`` → ``--since YYYY-MM-DD``, ``paths... <list[str]>`` →
    ``paths...``."""
    found = _TYPE_LABEL.search(term)
    if found is None:
        return term
    name, label = term[: found.start()], found.group(1)
    if not name.startswith("-"):
        return name  # an argument
    if label.startswith("%Y-%m-%d"):
        return f"{name} YYYY-MM-DD"
    return f"{name} {_PLAIN_VALUES.get(label, label.upper())}"


class PlainHelpCommand(TyperCommand):
    """A command whose help names values in words, not Python types."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # (Typer 0.29 carries its own copy of click: its Context and HelpFormatter types.)
        write_dl = formatter.write_dl

        def plain_dl(
            rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
        ) -> None:
            write_dl([(plain_term(term), text) for term, text in rows], col_max, col_spacing)

        formatter.write_dl = plain_dl
        super().format_help(ctx, formatter)


class EventwireTyper(typer.Typer):
    """The app: each command's help without Python types (see PlainHelpCommand)."""

    def command(
        self, *args: Any, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", PlainHelpCommand)
        return super().command(*args, **kwargs)


app = EventwireTyper(
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
        from eventwire import __version__

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


def say(kind: str, message: object) -> None:
    """Print an error or warning to stderr; the message is data, never Rich markup."""
    style = "red" if kind == "error" else "yellow"
    # soft_wrap: the terminal wraps, so a URL or path in the message stays one piece to copy.
    err.print(Text.assemble((f"{kind}: ", style), str(message)), soft_wrap=True)


def open_db(db: str, *, create: bool = False) -> Store:
    """The store at ``db``; only a command that writes articles (ingest) may ``create`` it: for
    every other command a database that does not exist stops it (exit 2) saying how to make one."""
    from eventwire.store import open_store

    try:
        return open_store(db, create=create)
    except EventwireError as exc:
        say("error", exc)
        raise typer.Exit(2) from exc


DictOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--dict",
        help="User actor dictionary (YAML, CSV or PETRARCH/TABARI .txt), merged over the shipped "
        "lexicon; repeat for several.",
    ),
]


def use_dicts(paths: list[Path] | None) -> None:
    """Put user dictionaries in force (via EVENTWIRE_DICT) and check them before any work."""
    if paths:
        os.environ[DICT_ENV] = os.pathsep.join(str(p) for p in paths)
    if not os.environ.get(DICT_ENV):
        return  # the shipped lexicon alone: nothing to check, and loading it here costs 0.3 s
    from eventwire.actors.lexicon import configured_lexicon

    try:
        configured_lexicon()
    except (EventwireError, OSError) as exc:
        say("error", exc)
        raise typer.Exit(2) from exc


# The event filters shared by `events` and `export`: one EventFilter (eventwire.store), which
# checks them, as the API's parameters are checked; a bad one is reported with its option.
SourceOption = Annotated[str | None, typer.Option(help="Source actor code (prefix: IRN).")]
TargetOption = Annotated[str | None, typer.Option(help="Target actor code (prefix).")]
ActorOption = Annotated[str | None, typer.Option(help="Either side's actor code (prefix).")]
CameoOption = Annotated[str | None, typer.Option(help="CAMEO code (prefix: 04 finds 040-046).")]
RootOption = Annotated[str | None, typer.Option(help="CAMEO root, two digits.")]
PloverOption = Annotated[str | None, typer.Option(help="PLOVER event type (CONSULT...).")]
CountryOption = Annotated[
    str | None,
    typer.Option(metavar="ISO3", help="Country where the event took place (ISO3 code: IRN)."),
]
QuadOption = Annotated[
    int | None,
    typer.Option(
        metavar="1-4",
        help="Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
        "4 material conflict.",
    ),
]
GoldsteinMinOption = Annotated[
    float | None,
    typer.Option(metavar="SCORE", help="Lowest Goldstein score, -10 to 10 (inclusive)."),
]
GoldsteinMaxOption = Annotated[
    float | None,
    typer.Option(metavar="SCORE", help="Highest Goldstein score, -10 to 10 (inclusive)."),
]
OutletOption = Annotated[
    str | None,
    typer.Option(metavar="NAME", help="Only events of articles from this outlet (any case)."),
]
MatchOption = Annotated[
    str,
    typer.Option(
        metavar="prefix|exact",
        help="How --source, --target and --actor match codes: prefix (IRN finds IRNGOV) or exact.",
    ),
]
ArticleOption = Annotated[str | None, typer.Option(help="Only events of this article id.")]
SearchOption = Annotated[
    str | None, typer.Option(help="Only events of articles matching this full-text search.")
]
NegatedOption = Annotated[
    bool | None,
    typer.Option(
        "--negated/--no-negated",
        help="Only events the text denies (--negated) or only affirmed ones (--no-negated).",
        show_default=False,
    ),
]


def event_filter(options: Mapping[str, Any]) -> EventFilter:
    """The EventFilter of a command's filter options (its ``locals()``: Typer gives days as
    datetimes, which the filter takes); a bad value stops the command naming its option."""
    from dataclasses import fields

    from eventwire.store import EventFilter, FilterError

    # .get: a field the command has no option for (match) takes the filter's default.
    given: dict[str, Any] = {
        f.name: options.get("article" if f.name == "doc_id" else f.name)
        for f in fields(EventFilter)
    }
    try:
        return EventFilter(**given)
    except FilterError as exc:
        option = "--article" if exc.field == "doc_id" else f"--{exc.field.replace('_', '-')}"
        raise typer.BadParameter(exc.reason, param_hint=option) from exc


def check_stored_search(store: Store, text: str | None) -> None:
    """Stop a command whose --search the database would ignore word for word (PostgreSQL's
    stop words), rather than list nothing."""
    from eventwire.store import FilterError

    try:
        store.check_search(text)
    except FilterError as exc:
        raise typer.BadParameter(exc.reason, param_hint="--search") from exc


def day_of(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


LimitOption = Annotated[
    int | None,
    typer.Option(min=0, help="At most this many rows (table default 20; 0 = all)."),
]


def article_filters(
    search: str | None, source: str | None, since: datetime | None, until: datetime | None
) -> dict[str, Any]:
    """The filters of `articles`, checked as the event filters are: a search without any word
    or an --until before --since stops the command naming the option."""
    from eventwire.store import FilterError
    from eventwire.store.events import check_day_range, check_search

    days = {"since": day_of(since), "until": day_of(until)}
    try:
        if search is not None and search.strip():
            check_search(search, "search")
        check_day_range(days["since"], days["until"])
    except FilterError as exc:
        raise typer.BadParameter(exc.reason, param_hint=f"--{exc.field}") from exc
    return {"search": search, "source": source, **days}


def check_choice(value: str | None, allowed: tuple[str, ...], option: str) -> None:
    if value is not None and value not in allowed:
        raise typer.BadParameter(
            f"{value!r}; choose one of {', '.join(allowed)}", param_hint=option
        )


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


WorkersOption = Annotated[
    int | None,
    typer.Option(
        envvar="EVENTWIRE_WORKERS",
        min=1,
        help="Processes that code articles in parallel (default: one per CPU core).",
    ),
]


MaxSentencesOption = Annotated[
    int,
    typer.Option(
        envvar="EVENTWIRE_MAX_SENTENCES",
        min=1,
        help="Most sentences an article may have; a longer one fails alone, uncoded.",
    ),
]
MaxSecondsOption = Annotated[
    float,
    typer.Option(
        envvar="EVENTWIRE_MAX_ARTICLE_SECONDS",
        min=0.001,
        help="Most seconds coding one article may take (checked between pipeline stages).",
    ),
]


def documents(
    paths: list[str],
    input_format: str | None,
    published: datetime | None,
    workers: int | None = 1,
) -> Iterator[Document | ReadFailure | StageFailure]:
    """Read and process articles without a database, for `actors` and `code`."""
    from eventwire import sources
    from eventwire.pipeline import process_all

    check_choice(input_format, INPUT_FORMATS, "--input-format")
    count = workers or default_workers()
    if count > 1:
        start_workers()  # the workers' models load while this process reads the input
    results = sources.read(paths, fmt=input_format)
    if published is not None:
        fallback = published if published.hour or published.minute else published.date()
        results = (with_published(r, fallback) for r in results)
    # No store, so no stories: the MinHash fingerprints (and their library's import) are skipped.
    skip = frozenset({"dedupe"})
    if count <= 1:
        return process_all(results, skip=skip)
    from eventwire.parallel import process_stream  # (multiprocessing: only for workers)

    return process_stream(results, count, skip=skip)


def with_published(result: Article | ReadFailure, day: Published) -> Article | ReadFailure:
    if isinstance(result, Article) and result.published is None:
        result.published = day
    return result


def coded(
    docs: Iterator[Document | ReadFailure | StageFailure], failures: list[object]
) -> Iterator[Document]:
    """The documents of a stream; failures are reported as met and collected for the exit code."""
    from eventwire.pipeline import Document

    for doc in docs:
        if isinstance(doc, Document):
            yield doc
        else:
            say("error", doc)
            failures.append(doc)
