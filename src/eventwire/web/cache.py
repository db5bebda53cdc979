"""A small response cache for the read-only pages and API answers, invalidated by store changes.

Fifty clients asking for the same dashboard or event page would otherwise run the same queries
fifty times (the explorer's aggregates are cached, but not the lists, the serialisation or the
templates). A successful GET answer is kept for ``ttl`` seconds, keyed by Host, path and query,
and dropped as soon as the store changes: for a SQLite file its modification time and size (and
those of its write-ahead log), which an ingest changes with every commit; for other databases
the TTL alone bounds staleness. Concurrent misses for one key wait for the first to finish
instead of all computing it. Exports (files) and static assets are never cached.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import make_url
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHE_SECONDS = 30.0
MAX_ENTRIES = 512
MAX_ENTRY_BYTES = 2_000_000  # a page larger than this is rare (limit=500 lists): not kept
UNCACHED_PREFIXES = ("/api/export", "/static/")
CACHE_HEADER = b"x-eventwire-cache"

Stamp = Callable[[], Hashable]


def sqlite_file(url: str) -> str | None:
    """The file of a SQLite database URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or parsed.database in (None, "", ":memory:"):
        return None
    return str(parsed.database)


def store_stamp(url: str) -> Stamp:
    """A cheap function whose value changes when the store at ``url`` is written (two stat
    calls for a SQLite file; a constant for other databases, where the TTL alone applies)."""
    path = sqlite_file(url)
    if path is None:
        return lambda: None
    files = (path, path + "-wal")

    def stamp() -> Hashable:
        return tuple(_file_state(f) for f in files)

    return stamp


def _file_state(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@dataclass
class _Entry:
    expires: float
    stamp: Hashable
    start: Message
    body: bytes


class ResponseCache:
    """ASGI middleware keeping successful GET answers for ``ttl`` seconds (0 turns it off)."""

    def __init__(
        self,
        app: ASGIApp,
        stamp: Stamp = lambda: None,
        ttl: float = CACHE_SECONDS,
        max_entries: int = MAX_ENTRIES,
    ) -> None:
        self.app = app
        self.stamp = stamp
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[Any, ...], _Entry] = OrderedDict()
        self._pending: dict[tuple[Any, ...], asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        key = _key(scope)
        pending = self._pending.get(key)
        if pending is not None:  # someone is computing this answer: wait for it, then reuse
            await pending.wait()
        entry = self._fresh(key)
        if entry is not None:
            await _replay(entry, send)
            return
        if key in self._pending:  # the computation we waited for did not cache: compute too
            await self.app(scope, receive, send)
            return
        done = self._pending[key] = asyncio.Event()
        try:
            await self._compute(key, scope, receive, send)
        finally:
            del self._pending[key]
            done.set()

    def _cacheable(self, scope: Scope) -> bool:
        return (
            self.ttl > 0
            and scope["type"] == "http"
            and scope["method"] == "GET"
            and not str(scope["path"]).startswith(UNCACHED_PREFIXES)
        )

    def _fresh(self, key: tuple[Any, ...]) -> _Entry | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry.expires < time.monotonic() or entry.stamp != self.stamp():
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry

    async def _compute(
        self, key: tuple[Any, ...], scope: Scope, receive: Receive, send: Send
    ) -> None:
        # The stamp is read before the queries run, so a write during them makes the entry
        # stale at once rather than hiding it for a TTL.
        stamp = self.stamp()
        expires = time.monotonic() + self.ttl
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def record(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                keep = message["status"] == 200
                start = message
                message = _with_cache_header(message, b"miss")
            elif message["type"] == "http.response.body" and keep:
                body = bytes(message.get("body", b""))
                size += len(body)
                keep = size <= MAX_ENTRY_BYTES
                chunks.append(body)
                if keep and not message.get("more_body", False) and start is not None:
                    self._store(key, _Entry(expires, stamp, start, b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, record)

    def _store(self, key: tuple[Any, ...], entry: _Entry) -> None:
        self._entries[key] = entry
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)


def _key(scope: Scope) -> tuple[Any, ...]:
    host = next((v for k, v in scope.get("headers", ()) if k == b"host"), b"")
    return host, scope["path"], scope.get("query_string", b"")


def _with_cache_header(start: Message, value: bytes) -> Message:
    headers = [(k, v) for k, v in start.get("headers", ()) if k != CACHE_HEADER]
    return {**start, "headers": [*headers, (CACHE_HEADER, value)]}


async def _replay(entry: _Entry, send: Send) -> None:
    await send(_with_cache_header(entry.start, b"hit"))
    await send({"type": "http.response.body", "body": entry.body, "more_body": False})
