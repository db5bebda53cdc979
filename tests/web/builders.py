"""Hand-built stored data for the web and export tests: known events, actors and sentences.

Small and exact, so every count a test asserts is known here; no spaCy model involved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventwire.records import Actor, Article, Event, Location, Mention, Sentence
from eventwire.store import CodedParts, Store

XSS_TITLE = "<script>alert(1)</script>"
TEHRAN = Location("Tehran", "IRN", "26", 35.69, 51.42, "city")
PARIS = Location("Paris", "FRA", "11", 48.85, 2.35, "city")
CHINA = Location("China", "CHN", None, None, None, "country")
# How many events the bulk article adds (a page and a half at limit 20, 2 days apart each).
BULK = 30


@dataclass(frozen=True)
class Counts:
    """What ``fill`` stored: every figure a test may assert."""

    events: int
    negated: int
    located: int  # events with coordinates
    articles: int


def _event(
    doc: str,
    idx: int,
    sentence: Sentence,
    source: tuple[str, str],
    target: tuple[str, str],
    cameo: str,
    *,
    plover: str | None,
    quad: int,
    goldstein: float,
    day: str,
    place: Location | None,
    negated: bool = False,
) -> Event:
    start = sentence.start
    return Event(
        event_id=f"{doc}-{idx:04d}".replace(":", "")[:16].ljust(16, "0"),
        doc_id=doc,
        sentence=sentence.idx,
        text=sentence.text,
        span=(start, start + min(8, len(sentence.text))),
        source=source[0],
        source_name=source[1],
        target=target[0],
        target_name=target[1],
        cameo=cameo,
        root=cameo[:2],
        plover=plover,
        plover_mode=None,
        quad_class=quad,
        goldstein=goldstein,
        date=day,
        date_basis="published",
        location=place,
        negated=negated,
        confidence=0.9,
        rule="pattern:TEST:1",
    )


def _sentences(body: str) -> list[Sentence]:
    out, start = [], 0
    for idx, part in enumerate(body.split("\n")):
        out.append(Sentence(idx, start, start + len(part), part))
        start += len(part) + 1
    return out


def _actor(name: str, code: str, body: str) -> Actor:
    at = body.index(name)
    mention = Mention(name, at, at + len(name), 0, "dictionary")
    return Actor(name, code, code[:3], code[3:] or None, "agent", "dictionary", [mention])


def fill(store: Store) -> Counts:
    """Store three small articles and one bulk article; return what was stored."""
    # 1. Iran and Russia: one affirmed consultation, one denied attack.
    body = "Ali Shamkhani met Nikolai Patrushev in Tehran.\nRussia did not attack Iran."
    s = _sentences(body)
    iran = ("IRNGOV", "Ali Shamkhani")
    russia = ("RUSGOV", "Nikolai Patrushev")
    events = [
        _event(
            "a1",
            0,
            s[0],
            iran,
            russia,
            "043",
            plover="CONSULT",
            quad=1,
            goldstein=2.8,
            day="2024-01-02",
            place=TEHRAN,
        ),
        _event(
            "a1",
            1,
            s[1],
            ("RUS", "Russia"),
            ("IRN", "Iran"),
            "190",
            plover="ASSAULT",
            quad=4,
            goldstein=-10.0,
            day="2024-01-02",
            place=TEHRAN,
            negated=True,
        ),
    ]
    store.add_article(
        Article("a1", body, title="Iran and Russia talk security", source="Tabnak",
                published=dt.date(2024, 1, 2), url="https://example.org/a1"),
        CodedParts(
            sentences=s,
            actors=[_actor("Ali Shamkhani", "IRNGOV", body),
                    _actor("Nikolai Patrushev", "RUSGOV", body)],
            events=events,
            explanations={events[0].event_id: {"trigger": "met", "parse_path": "nsubj←met→dobj"}},
        ),
    )  # fmt: skip
    # 2. A hostile title: stored text that looks like markup must show as text.
    body = "French police arrested protesters in Paris.\n<b>Not bold</b> and <img src=x>."
    s = _sentences(body)
    store.add_article(
        Article("a2", body, title=XSS_TITLE, source="Wire", published=dt.date(2024, 2, 10)),
        CodedParts(sentences=s, actors=[_actor("French police", "FRACOP", body)], events=[
            _event(
                "a2", 0, s[0], ("FRACOP", "French police"), ("FRACVL", "protesters"), "173",
                plover="COERCE", quad=4, goldstein=-5.0, day="2024-02-10", place=PARIS,
            )
        ]),
    )  # fmt: skip
    # 3. A country-level place (no coordinates) and a code with no PLOVER type.
    body = "The United States criticised China over trade."
    s = _sentences(body)
    store.add_article(
        Article("a3", body, title="Trade row", source="Wire", published=dt.date(2024, 2, 11)),
        CodedParts(sentences=s, events=[
            _event(
                "a3", 0, s[0], ("USA", "United States"), ("CHN", "China"), "111",
                plover=None, quad=3, goldstein=-2.0, day="2024-02-11", place=CHINA,
            )
        ]),
    )  # fmt: skip
    # 4. Many events for paging and sorting: Turkey and Libya, one per sentence.
    body = "\n".join(f"Turkey and Libya signed deal number {i}." for i in range(BULK))
    s = _sentences(body)
    bulk = [
        _event(
            "a4", i, s[i], ("TUR", "Turkey"), ("LBY", "Libya"), "057", plover="AGREE", quad=1,
            goldstein=8.0 - i / 10, day=str(dt.date(2023, 1, 1) + dt.timedelta(days=2 * i)),
            place=None,
        )
        for i in range(BULK)
    ]  # fmt: skip
    store.add_article(
        Article("a4", body, title="Deals", source="Wire", published=dt.date(2023, 1, 1)),
        CodedParts(sentences=s, events=bulk),
    )
    return Counts(events=4 + BULK, negated=1, located=3, articles=4)
