"""Event dates as periods: how much of a day a date stands for, and its last day.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

``date_precision`` (day | week | month | year) and ``date_end`` (the period's last day, NULL
for a single day) come with issue 17: "in March" is the month of March, not March 1st. Events
stored before this revision read as single days (``date_precision`` NULL is taken as "day")
until their articles are recoded (``eventwire reprocess --all``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("date_precision", sa.Text(), nullable=True))
        batch.add_column(sa.Column("date_end", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("date_end")
        batch.drop_column("date_precision")
