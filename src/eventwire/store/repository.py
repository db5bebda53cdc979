"""The store's API: save articles once, read them back, filter and search them (the only SQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, TypedDict

from sqlalchemy import Connection, Engine, Select, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from eventwire.errors import StoreError
from eventwire.records import Actor, Article, Event, LearnedCode
from eventwire.store.articles import ARTICLE_COLUMNS, _articles, article_values, to_article
from eventwire.store.coded import NOTHING_CODED, CodedParts, insert_parts, load_actors
from eventwire.store.engine import masked
from eventwire.store.events import (
    EVENTS,
    EventFilter,
    FilterError,
    apply_filter,
    event_groups_select,
    events_select,
    group_dict,
    order_events,
    row_to_event,
)
from eventwire.store.learned import learned_codes
from eventwire.store.recode import replace_parts, stored_ids
from eventwire.store.search import apply_search, ignores_every_word
from eventwire.store.stories import find_story, record_fingerprint, stories

# Rows fetched per round trip while streaming: large enough to amortise the round trip, small
# enough that a batch of long articles (~100 kB each) stays around 100 MB at worst.
STREAM_BATCH = 500


class StoreStats(TypedDict):
    """What is in the store: article and source counts and the span of publication days."""

    articles: int
    sources: int
    first_day: dt.date | None
    last_day: dt.date | None


class Store:
    """A database of articles (and, later, their sentences, actors and events).

    Open one with :func:`eventwire.store.open_store`, which also migrates the schema. Every write
    is its own transaction, so a crash never leaves half an article; reads stream, so iterating a
    million articles keeps memory flat. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.url = masked(engine.url)
        """The database URL with any password masked, for messages."""

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    def check_search(self, text: str | None) -> None:
        """Refuse a full-text search this database would answer with nothing whatever it
        holds (on PostgreSQL, one of stop words only: "the", "or"), naming ``search``."""
        if text is None or not text.strip():
            return
        with self._failures("cannot check a search"), self._engine.connect() as conn:
            if ignores_every_word(conn, self.dialect, text):
                raise FilterError(
                    "search",
                    f"{text!r} has only words the search ignores (such as 'the', 'of', 'or'): "
                    "add a word to find",
                )

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release every connection; the store cannot be used afterwards."""
        self._engine.dispose()

    @contextmanager
    def _failures(self, action: str) -> Iterator[None]:
        # Database errors leave as StoreError naming the database, so the CLI can report them
        # without a traceback; other exceptions are bugs and pass through untouched.
        try:
            yield
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"{action} in {self.url}: {reason}") from exc

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A connection inside one write transaction (SQLite: holding the write lock from BEGIN)."""
        with self._engine.connect() as connection:
            connection.execution_options(eventwire_begin="IMMEDIATE")
            with connection.begin():
                yield connection

    def _insert_article(
        self, connection: Connection, article: Article, story_id: str | None = None
    ) -> bool:
        """Insert the article row unless its id exists; True when inserted."""
        values = {**article_values(article), "story_id": story_id}
        # ON CONFLICT DO NOTHING keeps re-ingestion quiet: no error per duplicate in the server
        # log and no aborted transaction on PostgreSQL. RETURNING tells whether a row went in
        # (rowcount is not reliable once the dialect adds its own RETURNING for the key).
        # Other databases get a plain INSERT and the IntegrityError path in add_article.
        upsert: Any
        if self.dialect == "sqlite":
            upsert = sqlite.insert(_articles)
        elif self.dialect == "postgresql":
            upsert = postgresql.insert(_articles)
        else:
            connection.execute(insert(_articles), values)
            return True
        stmt = upsert.on_conflict_do_nothing(index_elements=["id"]).returning(_articles.c.seq)
        return connection.execute(stmt, values).first() is not None

    def add_article(self, article: Article, coded: CodedParts = NOTHING_CODED) -> bool:
        """Store an article with its coded parts; False (nothing changed) if its id is stored.

        The article and its sentences, actors, mentions and events go in one transaction, so a
        crash never leaves half an article. Safe when several processes add the same id at once:
        exactly one of them stores it.
        """
        with self._failures(f"cannot store article {article.id}"):
            try:
                with self._write() as connection:
                    story = None
                    fingerprint = coded.fingerprint
                    if fingerprint is not None:
                        story = find_story(connection, article.id, fingerprint)
                    if not self._insert_article(connection, article, story):
                        return False
                    if fingerprint is not None:
                        record_fingerprint(connection, article.id, fingerprint)
                    insert_parts(connection, self.dialect, article.id, coded)
                    return True
            except IntegrityError:
                # Another writer won the race between our check and insert (databases without
                # ON CONFLICT); any other integrity failure is a real error.
                if self.has_article(article.id):
                    return False
                raise

    def recode_article(self, article_id: str, coded: CodedParts) -> bool:
        """Replace a stored article's coded parts with a new coding, atomically (the article row
        and its story stay); False when the article is not stored."""
        with self._failures(f"cannot recode article {article_id}"), self._write() as connection:
            return replace_parts(connection, self.dialect, article_id, coded)

    def iter_article_ids(self) -> Iterator[str]:
        """Every stored article id, in the order they were stored."""
        with self._failures("cannot read article ids"), self._engine.connect() as conn:
            yield from stored_ids(conn, STREAM_BATCH)

    def learned_codes(self) -> list[LearnedCode]:
        """The learned actor registry: every (name, code) pair the stored articles coded from
        their own text, with its support (first and last day, articles, an example), by name."""
        with self._failures("cannot read the learned registry"), self._engine.connect() as conn:
            return list(learned_codes(conn, STREAM_BATCH))

    def get_actors(self, article_id: str) -> list[Actor]:
        """The actors recognised in a stored article, with their mentions."""
        with self._failures(f"cannot read actors of {article_id}"), self._engine.connect() as conn:
            return load_actors(conn, article_id)

    def iter_events(
        self, flt: EventFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> Iterator[Event]:
        """Stream stored events matching the filter, ordered by date, article and sentence."""
        stmt = order_events(apply_filter(events_select(), flt or EventFilter(), self.dialect))
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        with self._failures("cannot read events"), self._engine.connect() as conn:
            for row in conn.execution_options(yield_per=STREAM_BATCH).execute(stmt):
                yield row_to_event(row)

    def get_explanation(self, event_id: str) -> dict[str, Any] | None:
        """Why an event was coded, as recorded when it was coded (None if unknown)."""
        stmt = select(EVENTS.c.explanation, EVENTS.c.coder_version).where(
            EVENTS.c.event_id == event_id
        )
        with self._failures(f"cannot read event {event_id}"), self._engine.connect() as conn:
            row = conn.execute(stmt).first()
        if row is None or row.explanation is None:
            return None
        return {**row.explanation, "coder_version": row.coder_version}

    def iter_event_groups(self, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Events aggregated per story, dyad, code and date (see ``event_groups_select``)."""
        stmt = event_groups_select(flt or EventFilter(), self.dialect)
        with self._failures("cannot read event groups"), self._engine.connect() as conn:
            for row in conn.execution_options(yield_per=STREAM_BATCH).execute(stmt):
                yield group_dict(row)

    def iter_stories(self, min_size: int = 1) -> Iterator[dict[str, Any]]:
        """Stories with their article and source counts and member articles, largest first."""
        with self._failures("cannot read stories"), self._engine.connect() as conn:
            yield from stories(conn, min_size)

    def count_events(self, flt: EventFilter | None = None) -> int:
        """How many stored events match the filter."""
        matching = apply_filter(select(EVENTS.c.event_id), flt or EventFilter(), self.dialect)
        inner = matching.subquery()
        with self._failures("cannot count events"), self._engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(inner)).scalar_one())

    def get_event(self, event_id: str) -> Event | None:
        """One stored event by id, or None."""
        stmt = events_select().where(EVENTS.c.event_id == event_id)
        with self._failures(f"cannot read event {event_id}"), self._engine.connect() as conn:
            row = conn.execute(stmt).first()
        return None if row is None else row_to_event(row)

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        stmt = select(_articles.c.seq).where(_articles.c.id == article_id).limit(1)
        with self._failures(f"cannot look up article {article_id}"), self._engine.connect() as conn:
            return conn.execute(stmt).first() is not None

    def get_article(self, article_id: str) -> Article | None:
        """The stored article with this id, as it was added, or None."""
        stmt = select(*ARTICLE_COLUMNS).where(_articles.c.id == article_id)
        with self._failures(f"cannot read article {article_id}"), self._engine.connect() as conn:
            row = conn.execute(stmt).first()
        return None if row is None else to_article(row)

    def get_article_origin(self, article_id: str) -> tuple[str | None, dt.datetime] | None:
        """The article's URL and when it was stored (UTC), or None: what GDELT's SOURCEURL and
        DATEADDED need, without reading the article's text."""
        stmt = select(_articles.c.url, _articles.c.ingested_at).where(_articles.c.id == article_id)
        with self._failures(f"cannot read article {article_id}"), self._engine.connect() as conn:
            row = conn.execute(stmt).first()
        return None if row is None else (row.url, row.ingested_at)

    def _filtered(
        self,
        stmt: Select[Any],
        *,
        search: str | None,
        source: str | None,
        since: dt.date | None,
        until: dt.date | None,
        ranked: bool,
    ) -> Select[Any]:
        if source is not None:
            # lower() on both sides, so the comparison and the lower(source) index agree on what
            # "lower" means (SQLite's lower() only folds ASCII).
            stmt = stmt.where(func.lower(_articles.c.source) == func.lower(source))
        if since is not None:
            stmt = stmt.where(_articles.c.published_day >= since)
        if until is not None:
            stmt = stmt.where(_articles.c.published_day <= until)
        if search is not None and search.strip():
            return apply_search(stmt, self.dialect, search, ranked=ranked)
        if ranked:
            # The (published_day, id) index delivers this order without sorting. Articles with no
            # publication day come first on SQLite and last on PostgreSQL (each one's NULL order).
            stmt = stmt.order_by(_articles.c.published_day, _articles.c.id)
        return stmt

    def iter_articles(
        self,
        search: str | None = None,
        source: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
    ) -> Iterator[Article]:
        """Stream the stored articles matching every filter given.

        ``search`` is free text (best matches first; a blank string is no filter, text without
        any word matches nothing); ``source`` matches case-insensitively; ``since``/``until``
        bound the publication day, inclusive. Without a search the order is publication day,
        then id. Rows are fetched in batches, so memory stays flat however many match.
        """
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be >= 0, got {limit}")
        stmt = self._filtered(
            select(*ARTICLE_COLUMNS),
            search=search,
            source=source,
            since=since,
            until=until,
            ranked=True,
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._failures("cannot read articles"), self._engine.connect() as conn:
            # yield_per streams: a server-side cursor on PostgreSQL, stepwise fetches on SQLite.
            result = conn.execution_options(yield_per=STREAM_BATCH).execute(stmt)
            for row in result:
                yield to_article(row)

    def count_articles(
        self,
        search: str | None = None,
        source: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> int:
        """How many stored articles match; the filters mean what they mean in iter_articles."""
        inner = self._filtered(
            select(_articles.c.seq),
            search=search,
            source=source,
            since=since,
            until=until,
            ranked=False,
        ).subquery()
        stmt = select(func.count()).select_from(inner)
        with self._failures("cannot count articles"), self._engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def stats(self) -> StoreStats:
        """Counts of articles and distinct sources, and the first and last publication day."""
        stmt = select(
            func.count(),
            func.count(func.distinct(_articles.c.source)),
            func.min(_articles.c.published_day),
            func.max(_articles.c.published_day),
        )
        with self._failures("cannot read statistics"), self._engine.connect() as conn:
            articles, sources, first, last = conn.execute(stmt).one()
        return StoreStats(
            articles=int(articles),
            sources=int(sources),
            first_day=_as_date(first),
            last_day=_as_date(last),
        )

    def page_articles(
        self,
        *,
        search: str | None = None,
        source: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int,
        offset: int = 0,
    ) -> list[Article]:
        """One page of what iter_articles streams (same filters and order), for paged views."""
        stmt = self._filtered(
            select(*ARTICLE_COLUMNS),
            search=search,
            source=source,
            since=since,
            until=until,
            ranked=True,
        )
        with self._failures("cannot read articles"), self._engine.connect() as conn:
            return [to_article(row) for row in conn.execute(stmt.limit(limit).offset(offset))]


def _as_date(value: Any) -> dt.date | None:
    # min()/max() of a Date column come back as text on SQLite (the aggregate loses the type).
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
