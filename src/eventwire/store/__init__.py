"""Storage: open a database (SQLite or PostgreSQL), migrate it, and read and write articles.

All SQL in eventwire lives in this package. Typical use::

    with open_store("sqlite:///eventwire.db") as store:
        store.add_article(article)
        for found in store.iter_articles(search="ceasefire", since=date(2024, 1, 1)):
            ...
"""

from __future__ import annotations

from eventwire.store.articles import content_hash
from eventwire.store.coded import CodedParts
from eventwire.store.engine import make_engine
from eventwire.store.events import EventFilter, FilterError
from eventwire.store.migrate import upgrade
from eventwire.store.repository import Store, StoreStats


def open_store(url: str) -> Store:
    """Connect to the database at ``url``, bring its schema up to date and return a Store.

    Raises :class:`~eventwire.errors.ConfigError` for a malformed URL or a missing driver and
    :class:`~eventwire.errors.StoreError` when the database cannot be reached or migrated; the
    messages name the URL with its password masked.
    """
    engine = make_engine(url)
    try:
        upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


__all__ = [
    "CodedParts",
    "EventFilter",
    "FilterError",
    "Store",
    "StoreStats",
    "content_hash",
    "open_store",
]
