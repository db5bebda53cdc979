"""The learned actor registry's rows: each article's support, written with its coded parts and
read back grouped by name and code (the registry itself is :mod:`eventwire.actors.learned`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select

from eventwire.records import LearnedCode, LearnedSupport
from eventwire.store.models import LearnedActorRow

LEARNED = cast(Table, LearnedActorRow.__table__)


def insert_supports(
    connection: Connection, article_id: str, supports: Sequence[LearnedSupport]
) -> None:
    """Insert an article's supports inside the caller's transaction (the article's own)."""
    rows = [
        {
            "article_id": article_id,
            "name": s.name,
            "code": s.code,
            "day": s.day,
            "shown": s.shown,
            "sentence": s.sentence,
            "start": s.start,
            "end": s.end,
        }
        for s in supports
    ]
    if rows:
        connection.execute(insert(LEARNED), rows)


def _support(row: Any) -> LearnedSupport:
    day = row.day if isinstance(row.day, dt.date) else dt.date.fromisoformat(str(row.day))
    return LearnedSupport(
        name=row.name,
        code=row.code,
        day=day,
        article_id=row.article_id,
        shown=row.shown,
        sentence=row.sentence,
        start=row.start,
        end=row.end,
    )


def learned_codes(connection: Connection, batch: int) -> Iterator[LearnedCode]:
    """Every (name, code) pair with its support counted, by name and code, streamed."""
    stmt = select(LEARNED).order_by(
        LEARNED.c.name, LEARNED.c.code, LEARNED.c.day, LEARNED.c.article_id
    )
    current: LearnedCode | None = None
    for row in connection.execution_options(yield_per=batch).execute(stmt):
        support = _support(row)
        if current is not None and (current.name, current.code) == (support.name, support.code):
            current = current.with_support(support)
            continue
        if current is not None:
            yield current
        current = LearnedCode.of(support)
    if current is not None:
        yield current
