"""Gold sets for evaluation: the common record (GoldItem, GoldEvent) and the loaders of each set.

Four sets are read: the PLOVER GSR, the PETRARCH2 GSR validation sentences, the PETRARCH2 unit
suite (all JSON Lines) and the seed article's hand annotation.  Each becomes a list of
:class:`GoldItem`; :mod:`eventwire.evaluate` scores predictions against them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.records import Event

ANY = "*"  # a side any actor satisfies (seed gold "*")
UNKNOWN = ""  # the country of an actor nobody could place ("---" in PETRARCH codes)
LEGACY_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}  # PLOVER GSR's older codes
SETS = ("plover", "petr2_gsr", "petr2_unit", "seed")


def country(code: str) -> str:
    """The country part of an actor code (first three letters; IGO/NGO/IMG stay as they are)."""
    head = code.strip().upper()[:3]
    if head in ("", "---"):
        return UNKNOWN
    return LEGACY_COUNTRIES.get(head, head)


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: acceptable source and target countries and event classes.

    ``classes`` are PLOVER types (plover set) or CAMEO roots; the first is the one a miss is
    counted under.  ``multi`` marks a multi-party event (``A|B``, compound PLOVER actors): one
    prediction per party is then acceptable, and the extra ones are not false positives.
    """

    sources: frozenset[str]
    targets: frozenset[str]
    classes: tuple[str, ...]
    optional: bool = False
    code: str | None = None
    date: str | None = None
    lat: float | None = None
    lon: float | None = None
    label: str = ""

    @property
    def multi(self) -> bool:
        named = {ANY, UNKNOWN}
        return len(self.sources - named) > 1 or len(self.targets - named) > 1

    def accepts(self, pred: PredEvent, set_name: str) -> bool:
        return (
            pred.event_class(set_name) in self.classes
            and _side_ok(self.sources, country(pred.source))
            and _side_ok(self.targets, country(pred.target))
        )


def _side_ok(allowed: frozenset[str], found: str) -> bool:
    return ANY in allowed or found in allowed


@dataclass(frozen=True)
class GoldItem:
    """A text to code and the events it should yield; ``date`` is its publication day if known."""

    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True)
class PredEvent:
    """What the scorer needs of a coded event."""

    source: str
    target: str
    cameo: str = ""
    root: str = ""
    plover: str | None = None
    date: str | None = None
    lat: float | None = None
    lon: float | None = None
    text: str = ""
    rule: str = ""
    place_name: str | None = None
    place_country: str | None = None
    place_admin1: str | None = None
    sentence: int = -1

    @classmethod
    def from_event(cls, event: Event) -> PredEvent:
        loc = event.location
        return cls(
            event.source,
            event.target,
            event.cameo,
            event.root,
            event.plover,
            event.date,
            loc.lat if loc else None,
            loc.lon if loc else None,
            event.text,
            event.rule,
            loc.name if loc else None,
            loc.country if loc else None,
            loc.admin1 if loc else None,
            event.sentence,
        )

    def event_class(self, set_name: str) -> str | None:
        if set_name == "plover":
            return self.plover
        return self.root or self.cameo[:2] or None

    def describe(self) -> str:
        return f"{self.source or '?'} -> {self.target or '?'} {self.cameo or self.plover}"


# -- loaders ---------------------------------------------------------------------------------


def _rows(path: Path) -> Iterable[dict[str, Any]]:
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row: dict[str, Any] = json.loads(line)
                # Ids repeat in two sets (different records): later ones get "#<seq>".
                count = seen.get(row["id"], 0)
                seen[row["id"]] = count + 1
                if count:
                    row["id"] = f"{row['id']}#{row.get('seq', count + 1)}"
                yield row


def load_plover(path: Path) -> list[GoldItem]:
    """PLOVER GSR: one event per sentence, source/target lists of countries, ``code_current``.

    An empty side names no actor: it accepts an unknown actor or one of the countries on the
    other side (the GSR marks such compound actors SRC/TAR), never a third country.  The
    GSR's ``date`` is a placeholder, so items carry none.
    """
    items = []
    for row in _rows(path):
        events = []
        for exp in row["expected"]:
            sources = frozenset(country(c) for c in exp["source"])
            targets = frozenset(country(c) for c in exp["target"])
            events.append(
                GoldEvent(
                    sources=sources or frozenset({UNKNOWN}) | targets,
                    targets=targets or frozenset({UNKNOWN}) | sources,
                    classes=(exp.get("code_current") or exp["code"],),
                    label=row.get("eventText") or "",
                )
            )
        items.append(GoldItem(row["id"], row["text"], None, tuple(events)))
    return items


def load_petr(path: Path) -> list[GoldItem]:
    """PETRARCH2 GSR validation set or unit suite: CAMEO code and actor codes per event."""
    items = []
    for row in _rows(path):
        events = tuple(
            GoldEvent(
                sources=frozenset({country(exp["source"])}),
                targets=frozenset({country(exp["target"])}),
                classes=(exp["code"][:2],),
                code=exp["code"],
            )
            for exp in row["expected"]
        )
        items.append(GoldItem(row["id"], row["text"], row.get("date_iso"), events))
    return items


def _seed_side(text: str) -> frozenset[str]:
    return frozenset(ANY if part == ANY else country(part) for part in text.split("|"))


def load_seed(path: Path) -> list[GoldItem]:
    """The seed article's hand annotation (``*.gold.json`` beside its ``.txt``): one item."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    text_name = path.name.replace(".gold.json", ".txt")
    # The text lies beside its annotation (the shared material), or among the repository's
    # samples when the annotation is the copy in eval/data.
    candidates = (path.with_name(text_name), path.parent / "../../samples/seed" / text_name)
    text_path = next((c for c in candidates if c.exists()), None)
    if text_path is None:
        raise ValueError(f"the annotated text {text_name} is neither beside it nor in samples/seed")
    text = text_path.read_text(encoding="utf-8")
    places = {p["name"]: p for p in gold.get("places", [])}
    events = []
    for ev in gold["events"]:
        place = places.get(ev.get("place", ""), {})
        roots = tuple(ev["roots"])
        if ev.get("code") and ev["code"][:2] in roots:  # the expert's code first
            roots = (ev["code"][:2], *(r for r in roots if r != ev["code"][:2]))
        events.append(
            GoldEvent(
                sources=_seed_side(ev["src"]),
                targets=_seed_side(ev["tgt"]),
                classes=roots,
                optional=bool(ev.get("optional")),
                code=ev.get("code"),
                date=ev.get("date"),
                lat=place.get("lat"),
                lon=place.get("lon"),
                label=f"{ev['id']}: {ev.get('evidence', '')}".strip(": "),
            )
        )
    published = str(gold.get("metadata", {}).get("published", ""))[:10] or None
    return [GoldItem(path.name.replace(".gold.json", ""), text, published, tuple(events))]


def guess_set(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gold.json"):
        return "seed"
    if "plover" in name:
        return "plover"
    return "petr2_unit" if "unittest" in name else "petr2_gsr"


def load_gold(path: Path | str, set_name: str | None = None) -> list[GoldItem]:
    """Load a gold file; ``set_name`` (one of :data:`SETS`) is guessed from the file name."""
    path = Path(path)
    kind = set_name or guess_set(path)
    if kind == "seed":
        return load_seed(path)
    return load_plover(path) if kind == "plover" else load_petr(path)
