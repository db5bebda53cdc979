"""Recoding a stored article: its coded parts replaced in one transaction, the article kept."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from sqlalchemy import Connection, Table, delete, select

from eventwire.store.articles import _articles
from eventwire.store.coded import CodedParts, insert_parts
from eventwire.store.models import (
    ActorMentionRow,
    ArticleActorRow,
    EventRow,
    LearnedActorRow,
    SentenceRow,
)

# Children first: mentions and article-actor links point at actors, events at sentences' article.
_PARTS = [
    (cast(Table, ActorMentionRow.__table__), "article_id"),
    (cast(Table, ArticleActorRow.__table__), "article_id"),
    (cast(Table, EventRow.__table__), "doc_id"),
    (cast(Table, SentenceRow.__table__), "article_id"),
    # The article's support for the learned registry goes with its coding.
    (cast(Table, LearnedActorRow.__table__), "article_id"),
]


def replace_parts(connection: Connection, dialect: str, article_id: str, coded: CodedParts) -> bool:
    """Replace an article's sentences, actors, mentions, events and learned-registry support
    inside the caller's transaction; False (nothing changed) when the article is not stored. The
    story stays, so ``coded.fingerprint`` is not used.

    Delete-then-insert rather than an update: the new coding may drop events the old one had,
    and event ids are stable, so a kept event comes back under its id with the new version.
    Shared ``actors`` rows stay (other articles may name them).
    """
    found = connection.execute(select(_articles.c.seq).where(_articles.c.id == article_id)).first()
    if found is None:
        return False
    for table, key in _PARTS:
        connection.execute(delete(table).where(table.c[key] == article_id))
    insert_parts(connection, dialect, article_id, coded)
    return True


def stored_ids(connection: Connection, batch: int) -> Iterator[str]:
    """Every stored article id in storage order, streamed."""
    stmt = select(_articles.c.id).order_by(_articles.c.seq)
    for row in connection.execution_options(yield_per=batch).execute(stmt):
        yield str(row.id)
