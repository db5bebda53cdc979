"""Tests of the Store API: round trips, idempotent adds, filters, streaming, concurrent writers."""

from __future__ import annotations

import datetime as dt
import threading
import tracemalloc
from collections.abc import Callable

import pytest
from sqlalchemy import insert, select

from eventwire.errors import Where
from eventwire.records import Article
from eventwire.store import Store, open_store
from eventwire.store.articles import _articles, article_values, content_hash

Factory = Callable[..., Article]
TEHRAN = dt.timezone(dt.timedelta(hours=3, minutes=30))


def test_add_article_round_trip_persian_text_tags_meta_and_offset(store: Store) -> None:
    article = Article(
        id="irna-1",
        text="وزیر امور خارجه ایران با همتای روسی خود در مسکو دیدار کرد.",
        title="دیدار وزیران خارجه",
        lead="ظریف و لاوروف گفتگو کردند",
        source="IRNA",
        published=dt.datetime(2019, 3, 4, 23, 45, tzinfo=TEHRAN),
        news_code="83234567",
        tags=["سیاست خارجی", "روسیه"],
        url="https://www.irna.ir/news/83234567",
        language="fa",
        meta={"service": "سیاسی", "views": 12, "nested": {"a": [1, 2]}},
        origin=Where("data/irna.jsonl", 7),
    )

    assert store.add_article(article) is True
    stored = store.get_article("irna-1")

    assert stored == article
    assert isinstance(stored.published, dt.datetime)
    assert stored.published.utcoffset() == dt.timedelta(hours=3, minutes=30)


def test_add_article_round_trip_text_as_given_and_wrapped(store: Store) -> None:
    text = "Iran  and\tRussia met.\r\nZa\u200brif spoke on \u06f5 Mehr,\nwrapped.\r\n"
    article = Article(id="t", text=text, wrapped=True)

    assert store.add_article(article) is True
    stored = store.get_article("t")

    assert stored == article
    assert stored is not None
    assert stored.text == text
    assert stored.wrapped is True
    with store.engine.connect() as conn:
        row = conn.execute(select(_articles).where(_articles.c.id == "t")).one()
    # The hash compares words, so it is that of the normalised text.
    assert row.content_hash == content_hash(
        "Iran and Russia met.\nZarif spoke on 5 Mehr,\nwrapped."
    )


def test_add_article_round_trip_date_only_published(store: Store, make_article: Factory) -> None:
    store.add_article(make_article("a", published=dt.date(2020, 2, 29)))

    stored = store.get_article("a")

    assert stored is not None
    assert type(stored.published) is dt.date
    assert stored.published == dt.date(2020, 2, 29)


@pytest.mark.parametrize(
    "published",
    [None, dt.datetime(2021, 5, 6, 7, 8, 9), dt.datetime(2021, 5, 6, 7, 8, tzinfo=dt.UTC)],
    ids=["none", "naive", "utc"],
)
def test_add_article_round_trip_other_published_forms(
    store: Store, make_article: Factory, published: dt.datetime | None
) -> None:
    article = make_article("a", published=published)
    store.add_article(article)

    assert store.get_article("a") == article


def test_add_article_derives_query_columns(store: Store, make_article: Factory) -> None:
    # 23:45 in Tehran is still the 4th there, but already 20:15 UTC on the 4th.
    late = dt.datetime(2019, 3, 4, 23, 45, tzinfo=TEHRAN)
    store.add_article(make_article("a", published=late, text="Same  TEXT"))

    with store.engine.connect() as conn:
        row = conn.execute(select(_articles).where(_articles.c.id == "a")).one()

    assert row.published == "2019-03-04T23:45:00+03:30"
    assert row.published_day == dt.date(2019, 3, 4)
    assert row.published_utc == dt.datetime(2019, 3, 4, 20, 15, tzinfo=dt.UTC)
    assert row.content_hash == content_hash("same text")
    assert row.ingested_at.tzinfo is dt.UTC


def test_add_article_twice_returns_false_and_keeps_the_first(
    store: Store, make_article: Factory
) -> None:
    first = make_article("dup", text="The first version.", title="First")
    assert store.add_article(first) is True
    with store.engine.connect() as conn:
        before = conn.execute(select(_articles).where(_articles.c.id == "dup")).one()

    again = store.add_article(make_article("dup", text="A second version.", title="Second"))

    with store.engine.connect() as conn:
        after = conn.execute(select(_articles).where(_articles.c.id == "dup")).one()
    assert again is False
    assert after == before
    assert store.get_article("dup") == first
    assert store.count_articles() == 1


def test_has_article_and_get_article_missing(store: Store, make_article: Factory) -> None:
    store.add_article(make_article("here"))

    assert store.has_article("here") is True
    assert store.has_article("absent") is False
    assert store.get_article("absent") is None


def test_iter_articles_orders_by_day_then_id(store: Store, make_article: Factory) -> None:
    for article_id, day in [("b", 2), ("a", 2), ("c", 1), ("d", 3)]:
        store.add_article(make_article(article_id, published=dt.date(2024, 1, day)))

    assert [a.id for a in store.iter_articles()] == ["c", "a", "b", "d"]


def test_iter_articles_since_until_are_inclusive(store: Store, make_article: Factory) -> None:
    for day in range(1, 8):
        store.add_article(make_article(f"d{day}", published=dt.date(2024, 3, day)))
    store.add_article(make_article("undated", published=None))

    found = store.iter_articles(since=dt.date(2024, 3, 3), until=dt.date(2024, 3, 5))

    assert [a.id for a in found] == ["d3", "d4", "d5"]
    assert [a.id for a in store.iter_articles(since=dt.date(2024, 3, 7))] == ["d7"]
    assert [a.id for a in store.iter_articles(until=dt.date(2024, 3, 1))] == ["d1"]


def test_iter_articles_since_uses_the_local_day_of_an_aware_time(
    store: Store, make_article: Factory
) -> None:
    # 00:30 on the 5th in Tehran is the 4th in UTC; the source's own day is what --since means.
    store.add_article(make_article("a", published=dt.datetime(2024, 3, 5, 0, 30, tzinfo=TEHRAN)))

    assert [a.id for a in store.iter_articles(since=dt.date(2024, 3, 5))] == ["a"]


def test_iter_articles_source_is_case_insensitive_exact(
    store: Store, make_article: Factory
) -> None:
    store.add_article(make_article("1", source="IRNA"))
    store.add_article(make_article("2", source="irna"))
    store.add_article(make_article("3", source="IRNA English"))
    store.add_article(make_article("4", source=None))

    assert sorted(a.id for a in store.iter_articles(source="Irna")) == ["1", "2"]
    assert store.count_articles(source="irna english") == 1
    assert store.count_articles(source="IRN") == 0


def test_iter_articles_limit(store: Store, make_article: Factory) -> None:
    for i in range(5):
        store.add_article(make_article(f"a{i}"))

    assert [a.id for a in store.iter_articles(limit=2)] == ["a0", "a1"]
    assert list(store.iter_articles(limit=0)) == []
    with pytest.raises(ValueError, match="limit"):
        list(store.iter_articles(limit=-1))


def test_count_articles_agrees_with_iter_articles(store: Store, make_article: Factory) -> None:
    for i in range(6):
        store.add_article(
            make_article(f"a{i}", source="A" if i % 2 else "B", published=dt.date(2024, 1, i + 1))
        )
    since = dt.date(2024, 1, 3)

    matched = list(store.iter_articles(source="a", since=since))
    assert store.count_articles(source="a", since=since) == len(matched) == 2
    assert store.count_articles() == 6


def test_stats_counts_articles_sources_and_days(store: Store, make_article: Factory) -> None:
    assert store.stats() == {"articles": 0, "sources": 0, "first_day": None, "last_day": None}

    store.add_article(make_article("1", source="IRNA", published=dt.date(2023, 5, 1)))
    store.add_article(make_article("2", source="ISNA", published=dt.date(2024, 2, 1)))
    store.add_article(make_article("3", source="IRNA", published=None))

    assert store.stats() == {
        "articles": 3,
        "sources": 2,
        "first_day": dt.date(2023, 5, 1),
        "last_day": dt.date(2024, 2, 1),
    }


def test_iter_articles_streams_thousands_of_rows_in_flat_memory(store: Store) -> None:
    count = 5000
    body = "word " * 800  # ~4 kB per article, ~20 MB if everything were held at once
    start = dt.date(2000, 1, 1)
    rows = [
        article_values(
            Article(id=f"{i:05d}", text=body + str(i), published=start + dt.timedelta(days=i))
        )
        for i in range(count)
    ]
    with store.engine.begin() as conn:
        conn.execute(insert(_articles), rows)
    del rows

    tracemalloc.start()
    try:
        seen = 0
        previous = ""
        for article in store.iter_articles():
            assert article.id > previous
            previous = article.id
            seen += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert seen == count
    assert peak < 10_000_000, f"peak {peak} bytes: iter_articles is not streaming"


def test_store_is_a_context_manager(store_url: str, make_article: Factory) -> None:
    with open_store(store_url) as store:
        store.add_article(make_article("a"))
    with open_store(store_url) as store:
        assert store.has_article("a")


def test_two_stores_adding_the_same_ids_store_each_once(
    store_url: str, make_article: Factory
) -> None:
    ids = [f"shared-{i}" for i in range(100)]
    results: dict[int, list[bool]] = {}
    barrier = threading.Barrier(2)

    def ingest(worker: int) -> None:
        with open_store(store_url) as store:
            barrier.wait()
            results[worker] = [store.add_article(make_article(i)) for i in ids]

    threads = [threading.Thread(target=ingest, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(a != b for a, b in zip(results[0], results[1], strict=True))
    with open_store(store_url) as store:
        assert store.count_articles() == len(ids)
        with store.engine.connect() as conn:
            stored = conn.execute(select(_articles.c.id)).scalars().all()
    assert sorted(stored) == sorted(ids)
