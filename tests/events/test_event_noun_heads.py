"""nominal.HEAD_LEMMAS only skips nouns event_noun would not find: same answers with it as
without it, on a hand-built parse of every event noun row (no model is loaded)."""

from __future__ import annotations

import pytest
from tests.events.conftest import parse

from eventwire.events import nominal


class Everything:
    def __contains__(self, item: object) -> bool:
        return True


def spec_of(key: str) -> tuple[str, int]:
    """A hand-built parse of an event noun row and the index of its noun."""
    if " of " in key:
        noun, named = key.split(" of ", 1)
        return f"{noun} NN NOUN ROOT 0\nof IN ADP prep 0\n{named} NN NOUN pobj 1", 0
    words = key.split()
    lines = [f"{w} NN NOUN compound {len(words) - 1}" for w in words[:-1]]
    lines.append(f"{words[-1]} NN NOUN ROOT {len(words) - 1}")
    return "\n".join(lines), len(words) - 1


def test_same_entry_with_and_without_the_head_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = [*nominal.EVENT_NOUNS, "table", "weather report", "letter of thanks"]
    simple = [k for k in keys if " of " not in k or all(" " not in w for w in k.split(" of "))]
    parses = [spec_of(k) for k in simple]
    filtered = [nominal.event_noun(parse(spec)[i]) for spec, i in parses]
    monkeypatch.setattr(nominal, "HEAD_LEMMAS", Everything())
    unfiltered = [nominal.event_noun(parse(spec)[i]) for spec, i in parses]
    assert filtered == unfiltered
    assert sum(f is not None for f in filtered) >= len(nominal.EVENT_NOUNS) // 2
