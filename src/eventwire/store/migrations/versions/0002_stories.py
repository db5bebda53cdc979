"""Stories: near-duplicate articles grouped by MinHash fingerprints and LSH band keys.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

``articles.story_id`` names the first stored article of a story. ``article_fingerprints`` keeps
each article's MinHash (to verify a candidate's similarity) and ``fingerprint_bands`` its band
keys, indexed so that finding candidates is one indexed lookup per band, however large the store.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("story_id", sa.Text(), nullable=True))
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_table(
        "article_fingerprints",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_fingerprints_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name="pk_article_fingerprints"),
    )
    op.create_table(
        "fingerprint_bands",
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_fingerprint_bands_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("band", "bucket", "article_id", name="pk_fingerprint_bands"),
    )


def downgrade() -> None:
    op.drop_table("fingerprint_bands")
    op.drop_table("article_fingerprints")
    op.drop_index("ix_articles_story_id", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("story_id")
