"""The eval command: score the coder against a gold set."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.common import (
    app,
    check_choice,
    say,
)
from eventwire.errors import EventwireError

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

    check_choice(output, ("text", "markdown", "json"), "--format")
    if set_name is not None and set_name not in EVAL_SETS:
        raise typer.BadParameter(
            f"{set_name!r}; choose one of {', '.join(EVAL_SETS)}", param_hint="--set"
        )
    if not gold.is_file():
        say("error", f"{gold}: no such gold file")
        raise typer.Exit(2)
    try:
        report = run_eval(gold, EVAL_SETS[set_name] if set_name else None, gold_coder)
    except (EventwireError, ValueError, KeyError) as exc:
        say("error", f"{gold}: {exc}")
        raise typer.Exit(2) from exc
    if output == "json":
        sys.stdout.write(report.to_json() + "\n")
    else:
        # The markdown report is also readable as plain text in a terminal.
        sys.stdout.write(report.to_markdown(limit=misses))
