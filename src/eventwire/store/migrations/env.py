"""Alembic environment: runs eventwire's migrations on the connection the store hands over.

At run time :func:`eventwire.store.migrate.upgrade` passes an open connection in
``config.attributes["connection"]`` (no alembic.ini needed). Developers running the ``alembic``
command from the repository get the URL from alembic.ini or ``EVENTWIRE_DB``.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection

from eventwire.config import Settings
from eventwire.store.engine import make_engine
from eventwire.store.models import Base

# The full-text objects (SQLite's FTS5 table with its shadow tables, PostgreSQL's GIN index) are
# created by hand in the migrations and have no model; autogenerate must not offer to drop them.
FTS_TABLE_PREFIX = "articles_fts"
FTS_INDEX = "ix_articles_fts"


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    if type_ == "table":
        return not (name or "").startswith(FTS_TABLE_PREFIX)
    return not (type_ == "index" and name == FTS_INDEX)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        include_object=include_object,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    return context.config.get_main_option("sqlalchemy.url") or Settings.from_env().db_url


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    shared = context.config.attributes.get("connection")
    if shared is not None:
        _run(shared)
    else:
        engine = make_engine(_url())
        try:
            with engine.connect() as connection:
                _run(connection)
                connection.commit()
        finally:
            engine.dispose()
