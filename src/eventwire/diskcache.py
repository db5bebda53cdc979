"""Indexes built from the shipped data, kept on disk so that the next process loads them whole.

Building the actor lexicon, its surname and name-word indexes and the gazetteer's index from
their files takes about two seconds of every run's start-up; unpickling the built objects takes
a fraction of that. Each object is stored as ``<name>-<key>.pickle`` in the cache folder, where
the key is a digest of everything the object is built from:

- the package's own code and data files (:func:`package_digest`): any edit to a Python module or
  a data file, and any new version, makes a new key, so a stale index is never read;
- for what depends on user dictionaries, their bytes too (the caller adds them to the key).

The folder is ``EVENTWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventwire``, else
``~/.cache/eventwire``; ``EVENTWIRE_CACHE_DIR=off`` turns the cache off. A folder that cannot be
written, or a file that cannot be read back (truncated, from another Python), only costs the
build: the object is built in memory as without a cache. Files are written whole (a temporary
file renamed into place), so processes starting together never read half a file. Older files
of the same name are removed when a new one is written.

The files are pickles: they run code when loaded, like the package itself. The folder is the
user's own, and nothing but this module writes there.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

CACHE_ENV = "EVENTWIRE_CACHE_DIR"
OFF = "off"
# Suffixes of the package files an index can be built from.
SOURCE_SUFFIXES = (".py", ".tsv", ".txt", ".json", ".gz", ".yaml", ".csv")


def cache_dir() -> Path | None:
    """The cache folder in force, or None when the cache is off."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() == OFF:
        return None
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "eventwire"


@lru_cache(maxsize=1)
def package_digest() -> str:
    """A digest of the package's code and data files, and of the Python that pickles them."""
    return digest_of(Path(__file__).resolve().parent)


def digest_of(root: Path) -> str:
    """A digest of the code and data files under ``root`` (a package folder)."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for path in sorted(_source_files(root)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _source_files(root: Path) -> Iterable[Path]:
    for path in root.rglob("*"):
        # The web pages and scripts build no index.
        inside = path.relative_to(root).parts
        wanted = path.suffix in SOURCE_SUFFIXES and "__pycache__" not in inside
        if wanted and inside[0] != "web" and path.is_file():
            yield path


def key_of(*parts: str | bytes) -> str:
    """A short digest of the package and the given parts (user dictionaries' bytes ...)."""
    digest = hashlib.sha256(package_digest().encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The object stored under ``name`` and ``key``, else ``build()``'s result, stored; kept
    out of the cyclic collector's walks either way (:func:`keep_out_of_collections`)."""
    value = _stored_or_built(name, key, build)
    keep_out_of_collections()
    return value


def _stored_or_built(name: str, key: str, build: Callable[[], T]) -> T:
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    found = _read(path)
    if found is not None:
        return found  # type: ignore[return-value]
    value = build()
    _write(folder, name, path, value)
    return value


def by_fields(self: Any) -> tuple[type, tuple[Any, ...]]:
    """``__reduce__`` for a frozen dataclass with slots that the cache stores: rebuilt by calling
    the class with its fields.

    dataclasses give such a class a ``__setstate__`` written in Python that looks up the class's
    fields again for every object; the indexes hold ~100,000 of them, and unpickling all seven
    took 214 ms that way and 145 ms through the constructor.
    """
    return type(self), tuple([getattr(self, name) for name in self.__slots__])


def keep_out_of_collections() -> None:
    """Move every object alive now out of the cyclic collector's reach (``gc.freeze``).

    A loaded index is hundreds of thousands of long-lived objects. Left to the collector, they
    are walked by each collection that reaches them, and every full collection walks them all
    again, the one at interpreter exit too: ~0.7 s of a one-article run. Frozen, they are
    never walked; reference counting still frees them (they hold no cycles). Whatever else is
    alive at that moment is frozen too: for a load at first use, the objects of the article
    being coded, once per process, which only matters if they hold cycles (then they are kept
    until the process ends, instead of being collected).
    """
    gc.freeze()


def _read(path: Path) -> object | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    # Unpickling makes hundreds of thousands of small objects, none of them cyclic: without the
    # collector it takes half the time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        found: object = pickle.loads(data)  # our own file: see the module docstring
        return found
    except Exception:  # a truncated or foreign file is rebuilt, whatever unpickling raised
        return None
    finally:
        if was_enabled:
            gc.enable()


def _write(folder: Path, name: str, path: Path, value: object) -> None:
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as out:
            temporary = out.name
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        # A read-only or full disk: the run goes on with the object built in memory.
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
