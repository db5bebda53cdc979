"""The files under an input folder: regular files only, inside the folder unless told otherwise.

A named pipe in a folder would block the run forever on open, a device could stream without end,
and a symbolic link can point anywhere on the machine (``/etc/passwd`` is not an article): each
is skipped with a notice naming it. Links that stay inside the folder given are followed, and a
folder reached twice (a link loop) is walked once.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import Where
from eventwire.records import Notice


class NotRegular(Exception):
    """A path that is not a regular file (the message says what it is)."""


def kind(mode: int) -> str:
    """A name for people of what a stat mode is."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def files(root: Path, follow_links: bool, on_skip: Callable[[Notice], None]) -> Iterator[Path]:
    """Regular files under ``root`` sorted by name at each level (``a``, ``b/z``, ``c``),
    hidden files and folders left out; walked with a stack of folders being listed, not
    recursion, so no depth of folders exhausts the interpreter's stack."""
    top = root.resolve()
    seen: set[Path] = set()
    stack: list[Iterator[Path]] = []
    unreadable: list[Path] = []
    listing = _listing(root, seen, unreadable)
    if listing is not None:
        stack.append(listing)
    yield from unreadable
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        found = _classify(entry, top, follow_links, on_skip)
        if found == "dir":
            sub = _listing(entry, seen, unreadable)
            if sub is not None:
                stack.append(sub)
            yield from unreadable
            unreadable.clear()
        elif found == "file":
            yield entry


def _listing(folder: Path, seen: set[Path], unreadable: list[Path]) -> Iterator[Path] | None:
    """The sorted entries of a folder not walked before (None if it was: a link loop; None
    and the folder added to ``unreadable`` if it cannot be listed)."""
    real = folder.resolve()
    if real in seen:
        return None
    seen.add(real)
    try:
        return iter(sorted(folder.iterdir()))
    except OSError:
        # Opening it then fails with the system's reason, reported like any unreadable file.
        unreadable.append(folder)
        return None


def _classify(
    entry: Path, top: Path, follow_links: bool, on_skip: Callable[[Notice], None]
) -> str | None:
    """ "dir", "file", or None for an entry skipped (reported through ``on_skip``)."""
    where = Where(str(entry))
    if entry.is_symlink() and not follow_links:
        try:
            target = entry.resolve(strict=True)
        except (OSError, RuntimeError):
            on_skip(Notice(where, "skipped: a symbolic link to nothing (or a link loop)"))
            return None
        if not _inside(target, top):
            on_skip(
                Notice(
                    where,
                    f"skipped: a symbolic link out of the input folder (to {target}); "
                    "--follow-links reads it",
                )
            )
            return None
    try:
        mode = entry.stat().st_mode
    except OSError as err:
        on_skip(Notice(where, f"skipped: {err.strerror or err}"))
        return None
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    on_skip(Notice(where, f"skipped: {kind(mode)}, not a regular file"))
    return None


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading without ever blocking on it; NotRegular unless a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(f"skipped: {kind(mode)}, not a regular file")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
