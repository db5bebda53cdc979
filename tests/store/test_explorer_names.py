"""Explorer names and exact dyads on both backends: actor codes named by the lexicon or their
most mentioned name, and an exact match listing the events a dyad counts."""

from __future__ import annotations

from tests.web.builders import BULK, fill

from eventwire.records import Actor, Article, Mention
from eventwire.store import CodedParts, EventFilter, Store
from eventwire.store.stats import Explorer


def _actor(name: str, code: str, body: str, times: int) -> Actor:
    at = body.index(name)
    mentions = [Mention(name, at, at + len(name), 0, "dictionary") for _ in range(times)]
    return Actor(name, code, code[:3], code[3:] or None, "agent", "dictionary", mentions)


def test_actor_names_from_the_lexicon_or_the_most_mentions(store: Store) -> None:
    body = "British Columbia and the White House spoke; Joe Biden said so, Joe Biden again."
    actors = [
        _actor("British Columbia", "CAN", body, 1),
        _actor("White House", "USAGOV", body, 1),
        _actor("Joe Biden", "USAGOV", body, 2),
    ]
    store.add_article(Article("n1", body, title="Names"), CodedParts(actors=actors))
    explorer = Explorer(store)
    total, rows = explorer.actors(None, 10, 0)
    assert total == 2
    assert [(r["code"], r["name"]) for r in rows] == [("CAN", "Canada"), ("USAGOV", "Joe Biden")]
    assert explorer.actor("CAN", 5)["name"] == "Canada"


def test_dyad_counts_equal_their_exact_event_lists(store: Store) -> None:
    fill(store)
    explorer = Explorer(store)
    dyads = explorer.dyads(EventFilter(), 50)
    assert [(d["source"], d["target"], d["count"]) for d in dyads] == [
        ("TUR", "LBY", BULK),
        ("FRACOP", "FRACVL", 1),
        ("IRNGOV", "RUSGOV", 1),
        ("USA", "CHN", 1),
    ]
    # Names: the lexicon's for countries, else the actors table's, else the event's own words.
    assert [(d["source_name"], d["target_name"]) for d in dyads] == [
        ("Turkey", "Libya"),
        ("French police", "protesters"),
        ("Ali Shamkhani", "Nikolai Patrushev"),
        ("United States of America", "China"),
    ]
    for d in dyads:
        flt = EventFilter(source=d["source"], target=d["target"], match="exact", negated=False)
        assert explorer.count(flt) == d["count"]
    # The prefix finds IRNGOV → RUSGOV, the exact match does not; RUS → IRN is only denied.
    assert explorer.count(EventFilter(source="IRN", target="RUS")) == 1
    assert explorer.count(EventFilter(source="IRN", target="RUS", match="exact")) == 0
    assert explorer.count(EventFilter(source="RUS", target="IRN", match="exact")) == 1
    denied = EventFilter(source="RUS", target="IRN", match="exact", negated=False)
    assert explorer.count(denied) == 0
