"""The eval command: score the coder against a gold set."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eventwire.cli.common import (
    app,
    check_choice,
    say,
)
from eventwire.errors import EventwireError

if TYPE_CHECKING:
    from eventwire.evaluate import Report
    from eventwire.news_eval import NewsReport

EVAL_SETS = {
    "seed": "seed",
    "plover": "plover",
    "petr": "petr2_gsr",
    "petr2_gsr": "petr2_gsr",
    "petr2_unit": "petr2_unit",
    "news": "news",
}


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="A gold file (JSONL gold set or *.gold.json).")],
    set_name: Annotated[
        str | None,
        typer.Option(
            "--set",
            help="news, seed, plover or petr (guessed from the file name if omitted).",
        ),
    ] = None,
    output: Annotated[str, typer.Option("--format", "-f", help="text, markdown or json.")] = "text",
    misses: Annotated[
        int, typer.Option(min=0, help="How many misses and false positives to list.")
    ] = 20,
    texts: Annotated[
        Path | None,
        typer.Option(help="news: the corpus (JSON Lines) holding the gold articles' texts."),
    ] = None,
    details: Annotated[
        Path | None,
        typer.Option(help="news: write every event, cause and person per article (JSONL)."),
    ] = None,
) -> None:
    """Score the coder against a gold set: precision, recall, F1, per class, and the misses.

    With ``--set news`` (whole articles), also actor codes, dates, places and persons, and the
    cause of every miss and false event.
    """
    check_choice(output, ("text", "markdown", "json"), "--format")
    if set_name is not None and set_name not in EVAL_SETS:
        raise typer.BadParameter(
            f"{set_name!r}; choose one of {', '.join(EVAL_SETS)}", param_hint="--set"
        )
    if not gold.is_file():
        say("error", f"{gold}: no such gold file")
        raise typer.Exit(2)
    if set_name == "news" or (set_name is None and "news" in gold.name.lower()):
        _eval_news(gold, texts, details, output, misses)
        return
    if texts is not None or details is not None:
        raise typer.BadParameter("only --set news reads --texts and writes --details")
    from eventwire.evaluate import gold_coder
    from eventwire.evaluate import run as run_eval

    try:
        report = run_eval(gold, EVAL_SETS[set_name] if set_name else None, gold_coder)
    except (EventwireError, ValueError, KeyError) as exc:
        say("error", f"{gold}: {exc}")
        raise typer.Exit(2) from exc
    _print(report, output, misses)


def _print(report: Report | NewsReport, output: str, misses: int) -> None:
    if output == "json":
        sys.stdout.write(report.to_json() + "\n")
    else:
        # The markdown report is also readable as plain text in a terminal.
        sys.stdout.write(report.to_markdown(limit=misses))


def _eval_news(
    gold: Path, texts: Path | None, details: Path | None, output: str, misses: int
) -> None:
    from eventwire.news_eval import evaluate_news
    from eventwire.news_gold import GoldError

    try:
        report = evaluate_news(gold, texts)
    except GoldError as exc:
        say("error", str(exc))
        raise typer.Exit(2) from exc
    if details is not None:
        try:
            report.write_details(details)
        except OSError as exc:
            say("error", f"{details}: cannot be written ({exc.strerror})")
            raise typer.Exit(2) from exc
    _print(report, output, misses)
