"""Indexes for aggregate queries on large stores, and the event place's country as a column.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

The dashboard counts events by day and quad class, by root and by the country of the event's
place over every event. On a million events each count was a full table scan with a JSON parse
per row (9–14 s on SQLite); with the country in its own column and covering indexes the database
answers them from the indexes.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("place_country", sa.String(3), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "UPDATE events SET place_country = location->>'country' WHERE location IS NOT NULL"
        )
    else:
        op.execute(
            "UPDATE events SET place_country = json_extract(location, '$.country') "
            "WHERE location IS NOT NULL"
        )
    op.create_index("ix_events_place_country", "events", ["place_country"])
    op.create_index("ix_events_date_quad_class", "events", ["date", "quad_class"])
    op.create_index("ix_events_quad_class", "events", ["quad_class"])


def downgrade() -> None:
    op.drop_index("ix_events_quad_class", table_name="events")
    op.drop_index("ix_events_date_quad_class", table_name="events")
    op.drop_index("ix_events_place_country", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("place_country")
