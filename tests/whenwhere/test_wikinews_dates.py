"""Over all 292 Wikinews articles of the demo corpus, every event's date is one a reader could
accept (issue 17): none before 1900, none years after publication, no period that ends before it
starts, and a precision from the contract."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.parallel import process_parallel
from eventwire.pipeline import Document
from eventwire.records import Article, published_day
from eventwire.sources import read

pytestmark = pytest.mark.slow  # codes 292 articles (about two minutes on two workers)

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "wikinews" / "articles.jsonl"


def test_no_wikinews_event_is_dated_before_1900_or_past_its_story() -> None:
    articles = [a for a in read(CORPUS) if isinstance(a, Article)]
    assert len(articles) == 292
    docs = [d for d in process_parallel(articles, workers=2) if isinstance(d, Document)]
    assert len(docs) == 292
    events = [(d.article, e) for d in docs for e in d.events if e.date]
    assert len(events) > 400
    wrong = []
    for article, event in events:
        day = date.fromisoformat(event.date or "")
        published = published_day(article.published)
        end = date.fromisoformat(event.date_end) if event.date_end else day
        too_late = published is not None and day.year > published.year + 10
        if day.year < 1900 or too_late or end < day or event.date_precision not in PRECISIONS:
            wrong.append((article.id, event.date, event.date_end, event.text[:80]))
    assert wrong == []


PRECISIONS = ("day", "week", "month", "year")
