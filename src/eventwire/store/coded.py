"""Writes and reads what the coder adds to an article: sentences, actors, mentions and events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Table, case, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from eventwire.records import Actor, Event, LearnedSupport, Mention, Sentence
from eventwire.store.learned import insert_supports
from eventwire.store.models import ActorMentionRow, ActorRow, ArticleActorRow, EventRow, SentenceRow

_sentences = cast(Table, SentenceRow.__table__)
_actors = cast(Table, ActorRow.__table__)
_article_actors = cast(Table, ArticleActorRow.__table__)
_mentions = cast(Table, ActorMentionRow.__table__)
_events = cast(Table, EventRow.__table__)


@dataclass(frozen=True)
class CodedParts:
    """What the coder adds to an article, as the store writes it: its sentences, its actors
    (with their mentions), its events with the explanation of each (by event id) and the
    version of the coder that found them, the article's MinHash fingerprint (which files it
    under a story when it is first stored; recoding keeps the story and ignores it), and what it
    teaches the learned actor registry (``learned``: persons coded from its own text).

    The one record ingest, the parallel and Dask workers and the store pass between them
    (``eventwire.ingest.coded_parts`` makes it from a coded Document).
    """

    sentences: Sequence[Sentence] = ()
    actors: Sequence[Actor] = ()
    events: Sequence[Event] = ()
    explanations: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    coder_version: str | None = None
    fingerprint: bytes | None = None
    learned: Sequence[LearnedSupport] = ()


NOTHING_CODED = CodedParts()


def _insert_ignore(dialect: str, table: Table, keys: Sequence[str]) -> Any:
    """INSERT that skips rows whose key exists, so a retried write never doubles a row."""
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=list(keys))
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=list(keys))
    return insert(table)


# An actor's descriptive columns; the (code, name) key names the actor.
_ACTOR_DETAILS = ("country", "sector", "kind")


def _upsert_actor(dialect: str, values: dict[str, Any]) -> Any:
    """INSERT of an actor row that, when (code, name) exists, keeps for each detail the smaller
    of the stored and the new value (a value beats none): the row is the same whatever order
    the articles naming the actor were stored in, where "first one wins" was not."""
    if dialect == "sqlite":
        stmt: Any = sqlite.insert(_actors).values(values)
    elif dialect == "postgresql":
        stmt = postgresql.insert(_actors).values(values)
    else:
        return insert(_actors).values(values)
    chosen = {name: _smaller(_actors.c[name], stmt.excluded[name]) for name in _ACTOR_DETAILS}
    return stmt.on_conflict_do_update(index_elements=["code", "name"], set_=chosen)


def _smaller(stored: Any, new: Any) -> Any:
    # An empty string says as little as NULL ("kind" unknown).
    return case(
        (or_(stored.is_(None), stored == ""), new),
        (or_(new.is_(None), new == ""), stored),
        (new < stored, new),
        else_=stored,
    )


def _actor_id(connection: Connection, dialect: str, actor: Actor) -> int:
    # Actors are shared across articles, identified by (code, name): insert or merge, then read
    # the id back (RETURNING would differ between dialects on conflict).
    values = {
        "code": actor.code,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "kind": actor.kind,
    }
    connection.execute(_upsert_actor(dialect, values))
    found = connection.execute(
        select(_actors.c.id).where(_actors.c.code == actor.code, _actors.c.name == actor.name)
    ).scalar_one()
    return int(found)


def event_values(
    event: Event, coder_version: str | None, explanation: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The events-table row of an Event record."""
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence": event.sentence,
        "text": event.text,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "source": event.source,
        "source_name": event.source_name,
        "target": event.target,
        "target_name": event.target_name,
        "cameo": event.cameo,
        "root": event.root,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "date": dt.date.fromisoformat(event.date) if event.date else None,
        "date_basis": event.date_basis,
        "date_precision": event.date_precision,
        "date_end": dt.date.fromisoformat(event.date_end) if event.date_end else None,
        "location": event.location.to_dict() if event.location else None,
        "place_country": event.location.country if event.location else None,
        "negated": event.negated,
        "confidence": event.confidence,
        "rule": event.rule,
        "coder_version": coder_version,
        "explanation": explanation,
    }


def insert_parts(connection: Connection, dialect: str, article_id: str, coded: CodedParts) -> None:
    """Insert an article's coded parts inside the caller's transaction (the article's own)."""
    sentence_rows = [
        {"article_id": article_id, "idx": s.idx, "start": s.start, "end": s.end, "text": s.text}
        for s in coded.sentences
    ]
    if sentence_rows:
        connection.execute(
            _insert_ignore(dialect, _sentences, ["article_id", "idx"]), sentence_rows
        )
    mention_rows: list[dict[str, Any]] = []
    actors = coded.actors
    # Shared actor rows are inserted in one order in every transaction: two writers storing
    # articles with the same new actors in different orders would otherwise lock the unique
    # index in opposite orders and deadlock (seen with four Dask workers on PostgreSQL).
    ids = {
        (a.code, a.name): _actor_id(connection, dialect, a)
        for a in sorted(actors, key=lambda a: (a.code, a.name))
    }
    for actor in actors:
        actor_id = ids[(actor.code, actor.name)]
        connection.execute(
            _insert_ignore(dialect, _article_actors, ["article_id", "actor_id"]),
            {
                "article_id": article_id,
                "actor_id": actor_id,
                "resolved_by": actor.resolved_by,
                "detail": actor.detail,
            },
        )
        mention_rows.extend(
            {
                "article_id": article_id,
                "sentence": m.sentence,
                "actor_id": actor_id,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "resolved_by": m.resolved_by,
            }
            for m in actor.mentions
        )
    if mention_rows:
        connection.execute(insert(_mentions), mention_rows)
    why, version = coded.explanations, coded.coder_version
    event_rows = [event_values(e, version, why.get(e.event_id)) for e in coded.events]
    if event_rows:
        connection.execute(_insert_ignore(dialect, _events, ["event_id"]), event_rows)
    insert_supports(connection, article_id, coded.learned)


def load_actors(connection: Connection, article_id: str) -> list[Actor]:
    """The actors of one article with their mentions, in order of first mention."""
    rows = connection.execute(
        select(
            _actors.c.id,
            _actors.c.code,
            _actors.c.name,
            _actors.c.country,
            _actors.c.sector,
            _actors.c.kind,
            _article_actors.c.resolved_by,
            _article_actors.c.detail,
        )
        .join(_article_actors, _article_actors.c.actor_id == _actors.c.id)
        .where(_article_actors.c.article_id == article_id)
    ).all()
    actors: dict[int, Actor] = {
        row.id: Actor(
            name=row.name,
            code=row.code,
            country=row.country,
            sector=row.sector,
            kind=row.kind or "",
            resolved_by=row.resolved_by or "",
            detail=row.detail,
        )
        for row in rows
    }
    mentions = connection.execute(
        select(_mentions)
        .where(_mentions.c.article_id == article_id)
        .order_by(_mentions.c.start, _mentions.c.id)
    ).all()
    for m in mentions:
        if m.actor_id in actors:
            actors[m.actor_id].mentions.append(
                Mention(m.text, m.start, m.end, m.sentence, m.resolved_by or "")
            )
    return sorted(actors.values(), key=lambda a: a.mentions[0].start if a.mentions else 1 << 62)
