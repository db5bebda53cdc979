"""Full-text search over articles: user text → a safe query for SQLite FTS5 or PostgreSQL.

User text is never passed to a query parser as syntax. For SQLite every word is quoted as an
FTS5 string, so ``"``, ``-``, ``AND(``, ``NEAR/3`` or ``*`` in the input are plain text and can
never raise a syntax error; the words are ANDed and results ranked by bm25. PostgreSQL gets the text
through ``websearch_to_tsquery``, which accepts any input by design. Any other database falls back
to case-insensitive substring matching, so every SQLAlchemy URL can still search.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.sql import column

from eventwire.store.models import ArticleRow

# Hits in the title count twice a hit in the body: a title names what the story is about.
# bm25() takes one weight per FTS column, in declaration order (title, text).
TITLE_WEIGHT = 2.0
TEXT_WEIGHT = 1.0

FTS_TABLE = "articles_fts"
_fts = table(FTS_TABLE, column("rowid"))

# Must be the very expression of the GIN index created in migration 0001, or PostgreSQL will not
# use the index (it matches index expressions structurally).
# (Qualified column names still match the index's unqualified ones.)
PG_DOCUMENT_SQL = (
    "to_tsvector('english', coalesce(articles.title, '') || ' ' || coalesce(articles.text, ''))"
)
PG_CONFIG_SQL = "'english'"
_WORD_CHARS = re.compile(r"[^\W_]+")


def search_words(text: str) -> list[str]:
    """The searchable words of ``text``: whitespace-separated pieces holding a letter or digit.

    A trailing ``*`` is kept as a prefix marker (``negot*``); pieces of punctuation only (``-``,
    ``"``, ``(``) are dropped because no tokenizer would index them.
    """
    # Control characters are never text; NUL in particular ends an FTS5 string early (a syntax
    # error) and PostgreSQL refuses it in any text value.
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    words = []
    for piece in text.split():
        core = piece.rstrip("*")
        if any(ch.isalnum() for ch in core):
            words.append(piece if piece.endswith("*") else core)
    return words


def fts5_query(text: str) -> str | None:
    """An FTS5 MATCH expression for ``text`` that cannot be a syntax error; None if no words.

    Each word becomes a quoted FTS5 string (inner ``"`` doubled), so operators in the input are
    searched as words; a trailing ``*`` becomes an FTS5 prefix query on the quoted word.
    """
    parts = []
    for word in search_words(text):
        prefix = word.endswith("*")
        core = word.rstrip("*")
        parts.append('"' + core.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(parts) if parts else None


def pg_tsquery(text: str) -> ColumnElement[Any] | None:
    """A PostgreSQL tsquery for ``text``; None if it has no words.

    Words go through ``websearch_to_tsquery`` (which accepts any input: quotes make phrases,
    ``-word`` excludes, ``or`` alternates). ``websearch_to_tsquery`` has no prefix search, so
    words ending in ``*`` are reduced to their letters and digits and added with ``to_tsquery``'s
    ``:*`` — safe because nothing but word characters reaches that parser.
    """
    config: ColumnElement[Any] = literal_column(PG_CONFIG_SQL)
    words = search_words(text)
    plain = [word for word in words if not word.endswith("*")]
    parts: list[ColumnElement[Any]] = []
    if plain:
        parts.append(func.websearch_to_tsquery(config, " ".join(plain)))
    for word in words:
        tokens = _WORD_CHARS.findall(word) if word.endswith("*") else []
        if tokens:
            parts.append(func.to_tsquery(config, " & ".join(tokens) + ":*"))
    if not parts:
        return None
    query = parts[0]
    for part in parts[1:]:
        query = query.op("&&")(part)
    return query


def _like_pattern(word: str) -> str:
    escaped = word.rstrip("*").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def apply_search(stmt: Select[Any], dialect: str, text: str, *, ranked: bool) -> Select[Any]:
    """``stmt`` (a select from ``articles``) narrowed to articles matching ``text``.

    With ``ranked`` the best matches come first (ties in insertion order). Text without any
    searchable word matches nothing.
    """
    article = cast(Table, ArticleRow.__table__)
    if dialect == "sqlite":
        query = fts5_query(text)
        if query is None:
            return stmt.where(false())
        stmt = stmt.join(_fts, _fts.c.rowid == article.c.seq).where(
            literal_column(FTS_TABLE).op("MATCH")(query)
        )
        if ranked:
            rank = func.bm25(literal_column(FTS_TABLE), TITLE_WEIGHT, TEXT_WEIGHT)
            stmt = stmt.order_by(rank, article.c.seq)
        return stmt
    if dialect == "postgresql":
        tsquery = pg_tsquery(text)
        if tsquery is None:
            return stmt.where(false())
        document: ColumnElement[Any] = literal_column(PG_DOCUMENT_SQL)
        stmt = stmt.where(document.op("@@")(tsquery))
        if ranked:
            stmt = stmt.order_by(func.ts_rank(document, tsquery).desc(), article.c.seq)
        return stmt
    words = search_words(text)
    if not words:
        return stmt.where(false())
    title = func.lower(func.coalesce(article.c.title, ""))
    body = func.lower(article.c.text)
    matches: list[ColumnElement[bool]] = [
        or_(title.like(_like_pattern(w), escape="\\"), body.like(_like_pattern(w), escape="\\"))
        for w in words
    ]
    stmt = stmt.where(and_(*matches))
    return stmt.order_by(article.c.seq) if ranked else stmt


def ignores_every_word(conn: Connection, dialect: str, text: str) -> bool:
    """Whether the database's search drops every word of ``text``, so it can match nothing:
    PostgreSQL leaves out English stop words ("the", "of", "or"); FTS5 and the fallback search
    every word."""
    if dialect != "postgresql":
        return False
    query = pg_tsquery(text)
    if query is None:
        return True
    return int(conn.execute(select(func.numnode(query))).scalar_one()) == 0
