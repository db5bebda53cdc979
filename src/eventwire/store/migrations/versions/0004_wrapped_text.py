"""Articles say whether their text's line breaks are wrapping: texts are stored as given.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

A plain text file's text was stored with its wrapped lines joined; it is now stored as the file
gives it, so that offsets index the file's own text, and ``articles.wrapped`` tells the coder to
read its single line breaks as spaces, as it always did. Rows stored before hold joined lines, so
``false`` is right for them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE, not a batch: SQLite would copy the table and lose its FTS triggers.
    op.add_column(
        "articles", sa.Column("wrapped", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    op.drop_column("articles", "wrapped")
