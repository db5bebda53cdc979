"""Schema migrations: bring any database to the newest schema with the Alembic scripts we ship."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from eventwire.errors import StoreError
from eventwire.store.engine import masked

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Any fixed 64-bit number: concurrent processes opening the same PostgreSQL database take this
# transaction-level advisory lock so only one of them runs the migrations.
PG_MIGRATION_LOCK = 0x6576656E74776972  # "eventwir"


def alembic_config() -> Config:
    """An Alembic config pointing at the shipped scripts; no alembic.ini is read."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest revision shipped with this version of eventwire."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - only if the versions folder went missing
        raise StoreError(f"no migration scripts found in {MIGRATIONS}")
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None for a database eventwire has never opened."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Run every migration the database lacks (a no-op, without a write lock, when up to date).

    Raises :class:`StoreError` when the database is newer than this eventwire or a migration fails.
    """
    config = alembic_config()
    head = head_revision()
    url = masked(engine.url)
    try:
        with engine.connect() as connection:
            current = current_revision(connection)
        if current == head:
            return
        known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
        if current is not None and current not in known:
            raise StoreError(
                f"database {url} has schema revision {current}, which this eventwire "
                f"(newest {head}) does not know: upgrade eventwire"
            )
        with engine.connect() as connection:
            # Take the database's write lock before reading the version again, so two processes
            # opening a fresh database one after the other never both create the tables.
            connection.execution_options(eventwire_begin="IMMEDIATE")
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK}
                    )
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except CommandError as exc:
        raise StoreError(f"cannot migrate database {url}: {exc}") from exc
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(f"cannot migrate database {url}: {reason}") from exc
