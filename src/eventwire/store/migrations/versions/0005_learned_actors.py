"""The learned actor registry: persons articles coded from their own titles and appositives.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

``learned_actors`` holds one row per article, name and code: an article that coded a person from
its own text ("US Ambassador to Hungary Walter Brenneman" -> USAGOV) supports coding the name
alone in other articles of nearby dates (``eventwire.actors.learned``). Rows go with their article
(ON DELETE CASCADE) and are replaced when it is recoded. Articles stored before this revision
support nothing until they are recoded (``eventwire reprocess --all``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "learned_actors",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("shown", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_learned_actors_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "name", "code", name="pk_learned_actors"),
    )
    op.create_index("ix_learned_actors_name_code_day", "learned_actors", ["name", "code", "day"])


def downgrade() -> None:
    op.drop_index("ix_learned_actors_name_code_day", table_name="learned_actors")
    op.drop_table("learned_actors")
