"""Story grouping in the store: find an article's near-duplicates by band keys, record its own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import Connection, Table, and_, func, insert, or_, select

from eventwire.dedupe import THRESHOLD, band_keys, similarity
from eventwire.store.models import ArticleRow, FingerprintBandRow, FingerprintRow

_articles = cast(Table, ArticleRow.__table__)
_prints = cast(Table, FingerprintRow.__table__)
_bands = cast(Table, FingerprintBandRow.__table__)


def find_story(connection: Connection, article_id: str, fingerprint: bytes) -> str:
    """The story of an article: its most similar stored near-duplicate's, else its own id.

    Runs inside the article's write transaction, so concurrent writers queue behind it.
    """
    keys = band_keys(fingerprint)
    match = or_(*[and_(_bands.c.band == band, _bands.c.bucket == bucket) for band, bucket in keys])
    candidates = select(_bands.c.article_id).where(match).distinct()
    rows = connection.execute(
        select(_prints.c.article_id, _prints.c.minhash, _articles.c.story_id)
        .join(_articles, _articles.c.id == _prints.c.article_id)
        .where(_prints.c.article_id.in_(candidates.scalar_subquery()))
    ).all()
    best: tuple[float, str] | None = None
    for row in rows:
        score = similarity(fingerprint, row.minhash)
        if score >= THRESHOLD and (best is None or score > best[0]):
            best = (score, row.story_id or row.article_id)
    return best[1] if best else article_id


def record_fingerprint(connection: Connection, article_id: str, fingerprint: bytes) -> None:
    connection.execute(insert(_prints), {"article_id": article_id, "minhash": fingerprint})
    connection.execute(
        insert(_bands),
        [
            {"band": band, "bucket": bucket, "article_id": article_id}
            for band, bucket in band_keys(fingerprint)
        ],
    )


def stories(connection: Connection, min_size: int = 1) -> Iterator[dict[str, Any]]:
    """Stories of at least ``min_size`` articles: counts of articles and sources, and members."""
    stmt = (
        select(
            _articles.c.story_id,
            func.count().label("articles"),
            func.count(func.distinct(func.lower(_articles.c.source))).label("sources"),
        )
        .where(_articles.c.story_id.is_not(None))
        .group_by(_articles.c.story_id)
        .having(func.count() >= min_size)
        .order_by(func.count().desc(), _articles.c.story_id)
    )
    for row in connection.execute(stmt).all():
        members = connection.execute(
            select(_articles.c.id, _articles.c.source, _articles.c.title)
            .where(_articles.c.story_id == row.story_id)
            .order_by(_articles.c.seq)
        ).all()
        yield {
            "story_id": row.story_id,
            "articles": row.articles,
            "sources": row.sources,
            "members": [{"id": m.id, "source": m.source, "title": m.title} for m in members],
        }
