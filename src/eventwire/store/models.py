"""Storage models: the tables behind the store (articles, sentences, actors, mentions, events).

These classes describe the schema for queries; the schema itself is created by the Alembic
migrations in ``migrations/versions`` (hand-written, so the SQLite full-text table and the
PostgreSQL text index live next to the tables they index). Keep the two in step:
``tests/store/test_migrations.py`` compares them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# PostgreSQL stores JSON as JSONB (indexable, compact); other databases use the generic JSON type.
JsonType = JSON().with_variant(JSONB(), "postgresql")

# SQLite makes a column an alias of the rowid only when it is declared exactly INTEGER PRIMARY KEY;
# BIGINT would leave a hidden, VACUUM-unstable rowid that the full-text index could not rely on.
RowId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A UTC instant: stored naive (portable across SQLite and PostgreSQL), returned aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} given for a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


# Named constraints and indexes, so the hand-written migrations and these models agree on every name
# (and a later migration can drop or alter them by name on any database).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base of every eventwire table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ArticleRow(Base):
    """One article as read from a source; ``id`` is its identity across re-ingestion."""

    __tablename__ = "articles"
    __table_args__ = (
        # (published_day, id) serves the --since/--until range and streams the default order.
        Index(None, "published_day", "id"),
        # The source filter is case-insensitive; an index on lower(source) keeps it a lookup.
        Index("ix_articles_source_lower", text("lower(source)")),
    )

    # An integer key the full-text index can point at: SQLite's FTS5 external-content tables
    # address rows by rowid, and only an INTEGER PRIMARY KEY keeps rowids stable across VACUUM.
    # The article's public identity is ``id`` (unique), which every other table references.
    seq: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(Text, unique=True)
    source: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    lead: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    # The text's single line breaks are wrapping, read as spaces when coding (plain text files).
    wrapped: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The publication time exactly as ISO 8601 text (offset kept, or a bare day), so the original
    # zone survives the round trip; ``published_day`` and ``published_utc`` are derived for queries.
    published: Mapped[str | None] = mapped_column(Text)
    published_day: Mapped[dt.date | None] = mapped_column(Date)
    published_utc: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    news_code: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JsonType, default=list)
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    meta: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    origin: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # The id of the first stored article telling the same story (itself when it is the first).
    story_id: Mapped[str | None] = mapped_column(Text, index=True)


class FingerprintRow(Base):
    """An article's MinHash (packed uint32 values), to verify a band-key candidate."""

    __tablename__ = "article_fingerprints"

    article_id: Mapped[str] = mapped_column(
        Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    minhash: Mapped[bytes] = mapped_column(LargeBinary)


class FingerprintBandRow(Base):
    """One LSH band key of an article: articles sharing a key are near-duplicate candidates."""

    __tablename__ = "fingerprint_bands"

    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


class SentenceRow(Base):
    """One sentence of an article's text; ``idx`` is the 0-based index events refer to."""

    __tablename__ = "sentences"

    article_id: Mapped[str] = mapped_column(
        Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ActorRow(Base):
    """A resolved actor: a code and the name it was recognised by (one row per pair)."""

    __tablename__ = "actors"
    __table_args__ = (UniqueConstraint("code", "name"),)

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(Text, index=True)
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))
    sector: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(Text)


class ArticleActorRow(Base):
    """An actor as it appears in one article: how its code was found there, and why."""

    __tablename__ = "article_actors"

    article_id: Mapped[str] = mapped_column(
        Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    resolved_by: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)


class ActorMentionRow(Base):
    """Where an actor is named in an article; ``actor_id`` is null while unresolved."""

    __tablename__ = "actor_mentions"
    __table_args__ = (Index(None, "article_id", "sentence"),)

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(Text, ForeignKey("articles.id", ondelete="CASCADE"))
    sentence: Mapped[int] = mapped_column(Integer)
    actor_id: Mapped[int | None] = mapped_column(
        RowId, ForeignKey("actors.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    resolved_by: Mapped[str | None] = mapped_column(Text)


class EventRow(Base):
    """One coded event; the columns are the keys of the event record in DESIGN.md."""

    __tablename__ = "events"
    # Counts by day and quad class (the dashboard's timeline) read this index alone.
    __table_args__ = (Index(None, "date", "quad_class"),)

    event_id: Mapped[str] = mapped_column(Text, primary_key=True)
    doc_id: Mapped[str] = mapped_column(
        Text, ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    sentence: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    # Actor codes are "" when unknown (the record contract), so the filters never meet NULLs.
    source: Mapped[str] = mapped_column(Text, default="", index=True)
    source_name: Mapped[str | None] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text, default="", index=True)
    target_name: Mapped[str | None] = mapped_column(Text)
    cameo: Mapped[str] = mapped_column(String(4), index=True)
    root: Mapped[str] = mapped_column(String(2), index=True)
    plover: Mapped[str | None] = mapped_column(Text, index=True)
    plover_mode: Mapped[str | None] = mapped_column(Text)
    quad_class: Mapped[int | None] = mapped_column(Integer, index=True)
    goldstein: Mapped[float | None] = mapped_column(Float)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_basis: Mapped[str | None] = mapped_column(Text)
    date_precision: Mapped[str | None] = mapped_column(Text)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    location: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    # The place's country again as a plain column, so counts by country use an index.
    place_country: Mapped[str | None] = mapped_column(String(3), index=True)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float | None] = mapped_column(Float)
    rule: Mapped[str | None] = mapped_column(Text)
    coder_version: Mapped[str | None] = mapped_column(Text)
    # Why the coder produced the event (pattern, dictionary line, parse path, actor resolution),
    # as it was at coding time, for `eventwire explain`.
    explanation: Mapped[dict[str, Any] | None] = mapped_column(JsonType)


class LearnedActorRow(Base):
    """One article's support for the learned actor registry: it coded the person ``name`` (a
    matching key) as ``code`` from its own text (see :mod:`eventwire.actors.learned`)."""

    __tablename__ = "learned_actors"
    # The registry is read grouped by name and code, in order of day.
    __table_args__ = (Index(None, "name", "code", "day"),)

    article_id: Mapped[str] = mapped_column(
        Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(Text, primary_key=True)
    code: Mapped[str] = mapped_column(Text, primary_key=True)
    # The article's publication day (an undated article supports nothing).
    day: Mapped[dt.date] = mapped_column(Date)
    # The name as the article writes it, and where: sentence index and character offsets.
    shown: Mapped[str] = mapped_column(Text)
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
