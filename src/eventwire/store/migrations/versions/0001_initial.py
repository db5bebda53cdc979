"""Initial schema: articles (with full-text search), sentences, actors, actor mentions, events.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Hand-written: the full-text index differs by database. SQLite gets an FTS5 external-content
table kept in step by triggers (the text is stored once, in ``articles``); PostgreSQL gets a GIN
index on a ``to_tsvector`` expression that ``eventwire.store.search`` repeats verbatim.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Types are spelled out here rather than imported from models.py: a migration must keep creating
# the schema of its own day even after the models move on.
JSON = sa.JSON().with_variant(JSONB(), "postgresql")
ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

SQLITE_FTS = [
    # unicode61 splits on Unicode word boundaries (Persian and Arabic letters are word characters);
    # remove_diacritics 2 lets "Zürich" match "zurich" and ignores Arabic harakat.
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
]

POSTGRES_FTS = """CREATE INDEX ix_articles_fts ON articles USING gin (
    to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, '')))"""


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", ROW_ID, primary_key=True, autoincrement=True),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("lead", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("published_day", sa.Date(), nullable=True),
        sa.Column("published_utc", sa.DateTime(), nullable=True),
        sa.Column("news_code", sa.Text(), nullable=True),
        sa.Column("tags", JSON, nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("meta", JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_articles"),
        sa.UniqueConstraint("id", name="uq_articles_id"),
    )
    # (published_day, id) serves the --since/--until range and streams the default order unsorted.
    op.create_index("ix_articles_published_day_id", "articles", ["published_day", "id"])
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    # The source filter is case-insensitive; an index on lower(source) keeps it a lookup.
    op.create_index("ix_articles_source_lower", "articles", [sa.text("lower(source)")])

    op.create_table(
        "sentences",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_sentences_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "idx", name="pk_sentences"),
    )

    op.create_table(
        "actors",
        sa.Column("id", ROW_ID, primary_key=True, autoincrement=True),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(3), nullable=True),
        sa.Column("sector", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
        sa.UniqueConstraint("code", "name", name="uq_actors_code_name"),
    )
    op.create_index("ix_actors_code", "actors", ["code"])

    op.create_table(
        "article_actors",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("actor_id", ROW_ID, nullable=False),
        sa.Column("resolved_by", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_actors_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name="fk_article_actors_actor_id_actors",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "actor_id", name="pk_article_actors"),
    )
    op.create_index("ix_article_actors_actor_id", "article_actors", ["actor_id"])

    op.create_table(
        "actor_mentions",
        sa.Column("id", ROW_ID, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("actor_id", ROW_ID, nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("resolved_by", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_actor_mentions_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name="fk_actor_mentions_actor_id_actors",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_actor_mentions"),
    )
    op.create_index(
        "ix_actor_mentions_article_id_sentence", "actor_mentions", ["article_id", "sentence"]
    )
    op.create_index("ix_actor_mentions_actor_id", "actor_mentions", ["actor_id"])

    op.create_table(
        "events",
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("target_name", sa.Text(), nullable=True),
        sa.Column("cameo", sa.String(4), nullable=False),
        sa.Column("root", sa.String(2), nullable=False),
        sa.Column("plover", sa.Text(), nullable=True),
        sa.Column("plover_mode", sa.Text(), nullable=True),
        sa.Column("quad_class", sa.Integer(), nullable=True),
        sa.Column("goldstein", sa.Float(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_basis", sa.Text(), nullable=True),
        sa.Column("location", JSON, nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("rule", sa.Text(), nullable=True),
        sa.Column("coder_version", sa.Text(), nullable=True),
        sa.Column("explanation", JSON, nullable=True),
        sa.ForeignKeyConstraint(
            ["doc_id"], ["articles.id"], name="fk_events_doc_id_articles", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", name="pk_events"),
    )
    for name in ("doc_id", "source", "target", "cameo", "root", "plover", "date"):
        op.create_index(f"ix_events_{name}", "events", [name])

    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(POSTGRES_FTS)


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS articles_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_fts")
    op.drop_table("events")
    op.drop_table("actor_mentions")
    op.drop_table("article_actors")
    op.drop_table("actors")
    op.drop_table("sentences")
    op.drop_table("articles")
