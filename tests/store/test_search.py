"""Tests of full-text search: safe query building, matching, ranking and hostile input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from eventwire.records import Article
from eventwire.store import Store, open_store
from eventwire.store.search import fts5_query, search_words

Factory = Callable[..., Article]

HOSTILE = [
    '"',
    '""',
    "AND",
    "OR",
    "NOT",
    "*",
    "(",
    ")",
    "-foo",
    "near/3",
    "NEAR(a b)",
    "AND(",
    "title:foo",
    "^foo",
    "a + b",
    "'; DROP TABLE articles; --",
    "",
    "   ",
    "\x00",
    "\\",
    "{title text}: x",
]


def test_fts5_query_quotes_every_word() -> None:
    assert fts5_query("Iran talks") == '"Iran" "talks"'
    assert fts5_query('say "hi"') == '"say" """hi"""'
    assert fts5_query("AND OR NOT") == '"AND" "OR" "NOT"'


def test_fts5_query_keeps_a_trailing_star_as_prefix() -> None:
    assert fts5_query("negot*") == '"negot"*'
    assert fts5_query("*") is None


def test_fts5_query_drops_pieces_without_words() -> None:
    assert fts5_query('- " ( ) *') is None
    assert fts5_query("") is None
    assert search_words("-foo near/3") == ["-foo", "near/3"]


@pytest.fixture
def corpus(store: Store, make_article: Factory) -> Store:
    store.add_article(
        make_article(
            "title-hit",
            title="Ceasefire agreed in Gaza",
            text="Both sides agreed to stop fighting. The ceasefire starts at noon.",
            source="AP",
            published=dt.date(2024, 1, 2),
        )
    )
    store.add_article(
        make_article(
            "text-hit",
            title="Markets",
            text="Stocks rose; traders also watched the ceasefire talks and oil prices.",
            source="Reuters",
            published=dt.date(2024, 1, 3),
        )
    )
    store.add_article(
        make_article(
            "persian",
            title="دیدار در تهران",
            text="وزیر خارجه در تهران با همتای روسی دیدار کرد.",
            source="IRNA",
            published=dt.date(2024, 1, 4),
        )
    )
    store.add_article(make_article("other", title="Weather", text="Rain is expected tomorrow."))
    return store


def _search(
    store: Store, query: str, source: str | None = None, since: dt.date | None = None
) -> list[str]:
    return [a.id for a in store.iter_articles(search=query, source=source, since=since)]


def test_search_finds_a_word_in_the_title(corpus: Store) -> None:
    assert _search(corpus, "Gaza") == ["title-hit"]


def test_search_finds_a_word_in_the_text(corpus: Store) -> None:
    assert _search(corpus, "traders") == ["text-hit"]


def test_search_ranks_the_better_match_first(corpus: Store) -> None:
    # "ceasefire" is in the first article's title and twice in its body, once in the second's body.
    assert _search(corpus, "ceasefire") == ["title-hit", "text-hit"]


def test_search_requires_every_word(corpus: Store) -> None:
    assert _search(corpus, "ceasefire oil") == ["text-hit"]


def test_search_is_case_insensitive(corpus: Store) -> None:
    assert _search(corpus, "GAZA") == ["title-hit"]


def test_search_finds_persian_words(corpus: Store) -> None:
    assert _search(corpus, "تهران") == ["persian"]


def test_search_prefix(corpus: Store) -> None:
    assert _search(corpus, "tomorr*") == ["other"]


def test_search_combines_with_filters(corpus: Store) -> None:
    assert _search(corpus, "ceasefire", source="reuters") == ["text-hit"]
    assert _search(corpus, "ceasefire", since=dt.date(2024, 1, 3)) == ["text-hit"]
    assert corpus.count_articles(search="ceasefire", until=dt.date(2024, 1, 2)) == 1


def test_search_blank_is_no_filter(corpus: Store) -> None:
    assert corpus.count_articles(search="") == corpus.count_articles() == 4
    assert corpus.count_articles(search="   ") == 4


def test_search_count_matches_iteration(corpus: Store) -> None:
    assert corpus.count_articles(search="ceasefire") == 2


@pytest.mark.parametrize("query", HOSTILE)
def test_search_survives_hostile_queries(corpus: Store, query: str) -> None:
    found = list(corpus.iter_articles(search=query))

    assert corpus.count_articles(search=query) == len(found)
    assert corpus.count_articles() == 4  # and nothing was dropped


def test_fts5_operators_are_searched_as_words(sqlite_url: str, make_article: Factory) -> None:
    # (PostgreSQL's english configuration drops "and"/"not" as stop words, so SQLite only.)
    with open_store(sqlite_url) as store:
        store.add_article(make_article("ops", text="Talks near the border AND beyond, not now."))
        store.add_article(make_article("none", text="Nothing to see."))

        assert _search(store, "AND") == ["ops"]
        assert _search(store, "NOT") == ["ops"]
        assert _search(store, "near/3") == []  # "near" and "3": no article has a 3


@pytest.fixture(scope="module")
def fts_store(module_store_url: str) -> Iterator[Store]:
    with open_store(module_store_url) as store:
        store.add_article(Article(id="x", title='Quote " and star *', text="near AND NOT (x)"))
        yield store


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=40))
def test_search_never_raises_on_any_text(fts_store: Store, query: str) -> None:
    assert fts_store.count_articles(search=query) in (0, 1)


def test_fts_index_follows_updates_and_deletes(sqlite_url: str, make_article: Factory) -> None:
    # The store has no update API yet; the triggers must still keep FTS5 in step with any writer.
    with open_store(sqlite_url) as store:
        store.add_article(make_article("a", title="Old title", text="Original body."))
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE articles SET title = 'Fresh headline' WHERE id = 'a'"))

        assert _search(store, "fresh") == ["a"]
        assert _search(store, "old") == []

        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM articles WHERE id = 'a'"))
            integrity = conn.execute(
                text("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
            )
            integrity.close()
        assert _search(store, "fresh") == []
