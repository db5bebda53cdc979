"""Storage: open a database (SQLite or PostgreSQL), migrate it, and read and write articles.

All SQL in eventwire lives in this package. Typical use::

    with open_store("sqlite:///eventwire.db") as store:
        store.add_article(article)
        for found in store.iter_articles(search="ceasefire", since=date(2024, 1, 1)):
            ...
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from eventwire.errors import StoreError
from eventwire.store.articles import content_hash
from eventwire.store.coded import CodedParts
from eventwire.store.engine import make_engine, masked, missing_store
from eventwire.store.events import EventFilter, FilterError
from eventwire.store.migrate import current_revision, upgrade
from eventwire.store.repository import Store, StoreStats


def open_store(url: str, *, create: bool = True) -> Store:
    """Connect to the database at ``url``, bring its schema up to date and return a Store.

    With ``create`` false the database must exist and hold eventwire's tables already, else
    :class:`~eventwire.errors.MissingStoreError` (which says how to create one): what reading
    commands ask, so a mistyped URL is an error rather than a new empty database.

    Raises :class:`~eventwire.errors.ConfigError` for a malformed URL or a missing driver and
    :class:`~eventwire.errors.StoreError` when the database cannot be reached or migrated; the
    messages name the URL with its password masked.
    """
    engine = make_engine(url, create=create)
    try:
        if not create:
            _require_schema(engine)
        upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


def _require_schema(engine: Engine) -> None:
    """A MissingStoreError unless eventwire has created its tables in the database."""
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(f"cannot read database {masked(engine.url)}: {reason}") from exc
    if revision is None:
        raise missing_store(engine.url)


__all__ = [
    "CodedParts",
    "EventFilter",
    "FilterError",
    "Store",
    "StoreStats",
    "content_hash",
    "open_store",
]
