"""The English rule vocabulary, read from data files a linguist can edit without touching Python.

Every word list and word table the coder's rules consult lives in
``src/eventwire/data/vocabulary/<name>.tsv``: tab-separated, a header comment (lines starting
with ``#``: what a row means, with an example), then a header row naming the columns, then one
row per entry.  Blank lines are ignored; a value may be empty.  ``docs/rules.md`` shows how to add
a verb pattern, an event noun, a title and an agent.

The files are read once per process (:func:`table` is cached); a malformed file stops with a
:class:`~eventwire.errors.ConfigError` naming the file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

from eventwire.errors import ConfigError

PACKAGE = "eventwire"
FOLDER = "data/vocabulary"

__all__ = ["ConfigError", "listed", "mapping", "parse", "table", "words"]


def _path(name: str) -> str:
    return f"{FOLDER}/{name}.tsv"


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of vocabulary file ``name`` as dicts keyed by the header's column names."""
    where = _path(name)
    try:
        text = resources.files(PACKAGE).joinpath(where).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"{where}: no such vocabulary file") from exc
    return parse(text, where)


def parse(text: str, where: str) -> tuple[dict[str, str], ...]:
    """The rows of a vocabulary file's text; ``where`` names it in errors."""
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise ConfigError(
                f"{where}:{number}: {len(cells)} columns, the header names {len(header)}"
            )
        cells += [""] * (len(header) - len(cells))
        if not cells[0]:
            raise ConfigError(f"{where}:{number}: the first column ({header[0]}) is empty")
        rows.append(dict(zip(header, cells, strict=True)))
    if header is None:
        raise ConfigError(f"{where}: no header row")
    return tuple(rows)


@cache
def words(name: str, column: str | None = None) -> frozenset[str]:
    """The values of one column (the first by default) of vocabulary file ``name``."""
    rows = table(name)
    if not rows:
        return frozenset()
    key = column or next(iter(rows[0]))
    return frozenset(row[key] for row in rows if row.get(key))


@cache
def mapping(name: str, key: str, value: str) -> Mapping[str, str]:
    """Column ``key`` -> column ``value`` of vocabulary file ``name`` (later rows win)."""
    return MappingProxyType({row[key]: row[value] for row in table(name)})


@cache
def listed(name: str, group: str, column: str | None = None) -> tuple[str, ...]:
    """The values of one column (the first by default) of the rows of vocabulary file ``name``
    whose ``list`` column is ``group``, in file order.

    A file that groups several word lists says in its ``list`` column which rule uses a row;
    the order is kept because some rules try their words in turn (target prepositions).
    """
    rows = table(name)
    if rows and "list" not in rows[0]:
        raise ConfigError(f"{_path(name)}: no 'list' column")
    key = column or (next(iter(rows[0])) if rows else "")
    found = tuple(row[key] for row in rows if row["list"] == group and row[key])
    if not found:
        raise ConfigError(f"{_path(name)}: no row in list {group!r}")
    return found
