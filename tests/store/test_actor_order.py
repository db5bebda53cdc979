"""Actor rows do not depend on the order articles were ingested in (issue 19 item 4)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from eventwire.records import Actor, Article, Mention
from eventwire.store import open_store
from eventwire.store.coded import CodedParts

BODY = "Ali Khamenei spoke."


def _parts(country: str | None, sector: str | None, kind: str) -> CodedParts:
    mention = Mention("Ali Khamenei", 0, 12, 0, "dictionary")
    actor = Actor("Ali Khamenei", "IRN", country, sector, kind, "dictionary", [mention])
    return CodedParts(actors=[actor])


ARTICLES = [
    ("a1", _parts("IRN", "GOV", "person")),
    ("a2", _parts(None, "ELI", "")),
    ("a3", _parts("IRN", None, "agent")),
]


def _actor_rows(url: str, order: list[int]) -> list[tuple[object, ...]]:
    with open_store(url) as store:
        for index in order:
            article_id, parts = ARTICLES[index]
            store.add_article(Article(article_id, BODY), parts)
        with store.engine.connect() as connection:
            rows = connection.execute(text("SELECT code, name, country, sector, kind FROM actors"))
            return [tuple(row) for row in rows]


@pytest.mark.parametrize("order", [[0, 1, 2], [2, 1, 0], [1, 0, 2], [1, 2, 0]])
def test_actor_row_is_the_same_whatever_the_ingest_order(store_url: str, order: list[int]) -> None:
    rows = _actor_rows(store_url, order)
    # Per detail the smallest value any article gave; an empty or missing value never wins.
    assert rows == [("IRN", "Ali Khamenei", "IRN", "ELI", "agent")]
