"""Recoding a stored article: its coded parts replaced atomically, the article row kept."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from eventwire.records import Actor, Article, Event, Mention, Sentence
from eventwire.store import CodedParts, EventFilter, Store

SENTENCE = Sentence(idx=0, start=0, end=19, text="Iran hosted Russia.")


def _event(event_id: str, cameo: str = "043") -> Event:
    return Event(
        event_id=event_id,
        doc_id="a1",
        sentence=0,
        text=SENTENCE.text,
        span=(0, 19),
        source="IRN",
        source_name="Iran",
        target="RUS",
        target_name="Russia",
        cameo=cameo,
        root=cameo[:2],
        plover="CONSULT",
        plover_mode=None,
        quad_class=1,
        goldstein=2.8,
        date="2024-01-01",
        date_basis="published",
        location=None,
        negated=False,
        confidence=0.5,
        rule="verb:host",
    )


def _actor(name: str, code: str) -> Actor:
    return Actor(
        name=name,
        code=code,
        country=code,
        sector=None,
        kind="country",
        resolved_by="dictionary",
        mentions=[Mention(name, 0, len(name), 0, "dictionary")],
    )


def test_recode_article_replaces_events_and_sets_the_new_version(
    store: Store, make_article: Callable[..., Article]
) -> None:
    assert store.add_article(
        make_article("a1"),
        CodedParts(
            sentences=[SENTENCE],
            actors=[_actor("Iran", "IRN")],
            events=[_event("old"), _event("kept")],
            coder_version="0.0.1",
        ),
    )
    kept = dataclasses.replace(_event("kept"), cameo="042", root="04")

    assert store.recode_article(
        "a1",
        CodedParts(
            sentences=[SENTENCE],
            actors=[_actor("Russia", "RUS")],
            events=[kept],
            coder_version="0.2.0",
        ),
    )

    events = list(store.iter_events(EventFilter(doc_id="a1")))
    assert [e.event_id for e in events] == ["kept"]
    assert events[0].cameo == "042"
    assert store.get_explanation("kept") is None
    assert [a.name for a in store.get_actors("a1")] == ["Russia"]
    assert store.get_article("a1") == make_article("a1")


def test_recode_article_records_the_version_of_each_event(
    store: Store, make_article: Callable[..., Article]
) -> None:
    store.add_article(make_article("a1"), CodedParts(events=[_event("e1")], coder_version="0.0.1"))
    store.recode_article(
        "a1", CodedParts(events=[_event("e1")], coder_version="0.2.0", explanations={"e1": {}})
    )
    assert store.get_explanation("e1") == {"coder_version": "0.2.0"}


def test_recode_article_unknown_id_changes_nothing(store: Store) -> None:
    assert store.recode_article("nope", CodedParts(events=[_event("e1")])) is False
    assert store.count_events() == 0


def test_iter_article_ids_lists_storage_order(
    store: Store, make_article: Callable[..., Article]
) -> None:
    for article_id in ("b", "a", "c"):
        store.add_article(make_article(article_id))
    assert list(store.iter_article_ids()) == ["b", "a", "c"]
