"""Stored events: written with their article in one transaction, filtered, counted, read back."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from eventwire.records import Actor, Article, Event, Location, Mention, Sentence
from eventwire.store import CodedParts, EventFilter, FilterError, Store


def _event(event_id: str, doc_id: str = "a1", **fields: object) -> Event:
    base = Event(
        event_id=event_id,
        doc_id=doc_id,
        sentence=0,
        text="Iran hosted Russia.",
        span=(0, 19),
        source="IRNGOV",
        source_name="Ali Shamkhani",
        target="RUSGOV",
        target_name="Nikolai Patrushev",
        cameo="043",
        root="04",
        plover="CONSULT",
        plover_mode="visit",
        quad_class=1,
        goldstein=2.8,
        date="2018-09-26",
        date_basis="relative",
        location=Location("Tehran", "IRN", None, 35.69, 51.42, "PPLC"),
        negated=False,
        confidence=0.9,
        rule="verb:host",
    )
    return dataclasses.replace(base, **fields)  # type: ignore[arg-type]


def _stored(store: Store, make_article: Callable[..., Article], *events: Event) -> None:
    assert store.add_article(make_article("a1"), CodedParts(events=list(events)))


def test_events_round_trip_every_field(store: Store, make_article: Callable[..., Article]) -> None:
    event = _event("e1")
    _stored(store, make_article, event)
    assert store.get_event("e1") == event


def test_a_period_date_round_trips_with_its_precision(
    store: Store, make_article: Callable[..., Article]
) -> None:
    event = _event("e1", date="2016-03-01", date_precision="month", date_end="2016-03-31")
    _stored(store, make_article, event)
    assert store.get_event("e1") == event


def test_events_source_filter_matches_code_prefix(
    store: Store, make_article: Callable[..., Article]
) -> None:
    _stored(store, make_article, _event("e1"), _event("e2", source="ISR", target="SYRMIL"))
    assert [e.event_id for e in store.iter_events(EventFilter(source="IRN"))] == ["e1"]
    assert [e.event_id for e in store.iter_events(EventFilter(target="SYR"))] == ["e2"]
    assert {e.event_id for e in store.iter_events(EventFilter(actor="RUS"))} == {"e1"}


def test_events_code_and_date_filters(store: Store, make_article: Callable[..., Article]) -> None:
    _stored(
        store,
        make_article,
        _event("e1"),
        _event("e2", cameo="190", root="19", plover="ASSAULT", date="2018-09-22"),
    )
    assert store.count_events(EventFilter(root="19")) == 1
    assert store.count_events(EventFilter(cameo="04")) == 1
    assert store.count_events(EventFilter(plover="assault")) == 1
    flt = EventFilter(since=date(2018, 9, 23), until=date(2018, 9, 30))
    assert [e.event_id for e in store.iter_events(flt)] == ["e1"]


@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"source": "%"}, "source"),
        ({"actor": "_RN"}, "actor"),
        ({"cameo": "04%"}, "cameo"),
        ({"root": "123"}, "root"),
        ({"plover": "ASSAULT;"}, "plover"),
        ({"since": date(2024, 2, 1), "until": date(2024, 1, 1)}, "until"),
        ({"search": "x" * 201}, "search"),
    ],
)
def test_event_filter_refuses_a_bad_field_naming_it(fields: dict[str, Any], name: str) -> None:
    # LIKE wildcards never reach the database as codes: they are not codes.
    with pytest.raises(FilterError) as caught:
        EventFilter(**fields)
    assert caught.value.field == name


def test_event_filter_normalises_blank_case_and_root() -> None:
    flt = EventFilter(source=" irn ", target="", root="4", plover="assault", search="  ")
    assert (flt.source, flt.target, flt.root, flt.plover, flt.search) == (
        "IRN",
        None,
        "04",
        "ASSAULT",
        None,
    )
    parsed = EventFilter.parse(since="2024-01-02", until="", negated="false", doc_id="")
    assert parsed == EventFilter(since=date(2024, 1, 2), negated=False)


def test_events_negated_filter(store: Store, make_article: Callable[..., Article]) -> None:
    _stored(store, make_article, _event("e1"), _event("e2", negated=True))
    assert store.count_events(EventFilter(negated=False)) == 1
    assert store.count_events() == 2


def test_events_pagination_is_stable(store: Store, make_article: Callable[..., Article]) -> None:
    events = [_event(f"e{i}", sentence=i) for i in range(7)]
    _stored(store, make_article, *events)
    pages = [
        [e.event_id for e in store.iter_events(limit=3, offset=offset)] for offset in (0, 3, 6)
    ]
    assert [event_id for page in pages for event_id in page] == [e.event_id for e in events]


def test_events_with_actors_and_sentences_stored_atomically(
    store: Store, make_article: Callable[..., Article]
) -> None:
    actor = Actor(
        name="Israel",
        code="ISR",
        country="ISR",
        sector=None,
        kind="country",
        resolved_by="dictionary",
        mentions=[Mention("the Zionist regime", 4, 22, 0, "dictionary")],
    )
    article = make_article("a1")
    sentences = [Sentence(0, 0, 19, "Iran hosted Russia.")]
    assert store.add_article(
        article, CodedParts(sentences=sentences, actors=[actor], events=[_event("e1")])
    )
    # A second add of the same id changes nothing, not even the coded parts.
    assert not store.add_article(article, CodedParts(actors=[actor], events=[_event("e9")]))
    assert store.count_events() == 1
    [stored] = store.get_actors("a1")
    assert stored.code == "ISR"
    assert [m.text for m in stored.mentions] == ["the Zionist regime"]
