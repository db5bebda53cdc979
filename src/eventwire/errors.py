"""Errors raised by eventwire, each naming where the bad input is (file, line, field)."""

from __future__ import annotations

from dataclasses import dataclass


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


@dataclass(frozen=True)
class Where:
    """A place in the input: a file (or ``-`` for stdin), an optional 1-based line and a field."""

    path: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
        if self.field:
            text += f" [{self.field}]"
        return text


class InputError(EventwireError):
    """A record or file that cannot be read; the rest of the batch goes on."""

    def __init__(self, where: Where, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


class ConfigError(EventwireError):
    """A setting, dictionary or database URL that cannot be used."""


class StoreError(EventwireError):
    """The database refused or failed an operation."""


class MissingStoreError(StoreError):
    """A database asked to be read does not exist (or holds no eventwire tables)."""
