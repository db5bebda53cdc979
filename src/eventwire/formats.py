"""Writers for streamed records: JSON Lines, CSV and a terminal table, shared by CLI commands."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

OUTPUT_FORMATS = ("table", "jsonl", "csv")


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _csv_cell(value: Any) -> Any:
    # Lists of plain strings read best joined; anything nested stays machine-readable as JSON.
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ";".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def write_csv(
    rows: Iterable[Mapping[str, Any]],
    out: TextIO,
    columns: Sequence[str],
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL,
) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", quoting=quoting)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: _csv_cell(row.get(key)) for key in columns})
        count += 1
    return count


def _shorten(value: Any, width: int) -> str:
    text = _csv_cell(value)
    text = str(text).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def write_table(
    rows: Iterator[Mapping[str, Any]],
    console: Console,
    columns: Sequence[tuple[str, int]],
    limit: int | None,
    total: int | None = None,
) -> int:
    """Print at most ``limit`` rows as a table, and say how many more there were."""
    table = Table(show_lines=False)
    for name, _ in columns:
        table.add_column(name, overflow="fold")
    shown = 0
    for row in rows:
        if limit is not None and shown >= limit:
            break
        table.add_row(*(Text(_shorten(row.get(name), width)) for name, width in columns))
        shown += 1
    console.print(table)
    if total is not None and total > shown:
        console.print(
            Text(
                f"{shown} of {total} shown; --limit 0 shows all, --format jsonl|csv streams all",
                style="dim",
            )
        )
    return shown
