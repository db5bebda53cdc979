"""The real-news gold: whole articles coded by hand, joined with their texts and gold places.

The gold file (``wikinews_gold.jsonl``, conventions in ``eval/data/NEWS-GOLD.md``) holds one line
per article, ``{"id", "published", "events": [...], "persons": [...]}``, but not the texts: those
are joined on ``id`` from a corpus of articles (JSON Lines with ``id`` and ``text``).  Where each
gold place is comes from a reviewed table (``data/eval/wikinews_gold_places.tsv``), so that
scoring a place does not depend on the gazetteer being scored; a place missing from it is looked
up in the gazetteer and marked so.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError
from eventwire.goldsets import ANY, GoldEvent, country
from eventwire.whenwhere import gazetteer

PLACES_FILE = "data/eval/wikinews_gold_places.tsv"
# Where a corpus of texts is looked for when none is given, relative to the gold file: beside it,
# the layout of the shared material (data/eval beside data/corpus/wikinews) and the repository's
# (eval/data beside samples/wikinews).
TEXT_CANDIDATES = (
    "articles.jsonl",
    "../corpus/wikinews/articles.jsonl",
    "../../samples/wikinews/articles.jsonl",
)
LEVELS = ("country", "region", "city", "landmark")


class GoldError(EventwireError):
    """A gold file, corpus or place table that cannot be used; names the file and line."""


@dataclass(frozen=True)
class GoldPlace:
    """Where a gold event happened: a country, a region (admin1 or a circle), a city or landmark."""

    name: str
    level: str
    country: str
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    source: str = ""


@dataclass(frozen=True)
class NewsEvent:
    """One hand-coded event of an article: the scorer's view (``gold``) and the annotation."""

    gold: GoldEvent
    sentence: str
    source: str
    target: str
    cameo: str
    root: str
    date: str | None
    place: GoldPlace | None
    place_name: str | None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "src": self.source,
            "tgt": self.target,
            "cameo": self.cameo,
            "root": self.root,
            "date": self.date,
            "place": self.place_name,
            "note": self.note,
        }


@dataclass(frozen=True)
class GoldPerson:
    name: str
    code: str


@dataclass(frozen=True)
class NewsArticle:
    """A gold article with its text (as the corpus gives it) and metadata."""

    id: str
    text: str
    title: str | None
    published: str | None
    events: tuple[NewsEvent, ...]
    persons: tuple[GoldPerson, ...]


def _side(code: str) -> frozenset[str]:
    # An empty gold actor (an unidentified attacker, a protest with no addressee) matches any.
    return frozenset({ANY}) if not code.strip() else frozenset({country(code)})


def _read_jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"{path}: cannot be read ({exc.strerror})") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: invalid JSON ({exc.msg})") from exc
            if not isinstance(row, dict) or not isinstance(row.get("id"), str):
                raise GoldError(f"{path}:{number}: expected an object with a string 'id'")
            rows.append((number, row))
    return rows


def find_texts(gold_path: Path) -> Path:
    """The corpus holding the gold articles' texts, looked for beside the gold file."""
    for candidate in TEXT_CANDIDATES:
        path = (gold_path.parent / candidate).resolve()
        if path.is_file():
            return path
    tried = ", ".join(TEXT_CANDIDATES)
    raise GoldError(
        f"{gold_path}: no corpus of article texts found beside it (tried {tried}); "
        "give one with --texts FILE"
    )


def _load_texts(path: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for _, row in _read_jsonl(path) if row["id"] in wanted}


@lru_cache(maxsize=1)
def place_table() -> dict[str, GoldPlace]:
    """The reviewed places of the shipped gold, by the gold's own place string."""
    raw = resources.files("eventwire").joinpath(PLACES_FILE).read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line and not line.startswith("#")]
    table = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"):
        table[row["place"]] = GoldPlace(
            name=row["place"],
            level=row["level"],
            country=row["country"],
            admin1=row["admin1"] or None,
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lon"]) if row["lon"] else None,
            radius_km=float(row["radius_km"]) if row["radius_km"] else None,
            source=row["source"],
        )
    return table


def resolve_place(name: str | None) -> GoldPlace | None:
    """A gold place string as a GoldPlace: from the reviewed table, else the gazetteer."""
    if not name:
        return None
    known = place_table().get(name)
    if known is not None:
        return known
    # A place the table does not know (another gold file): the most specific part the
    # gazetteer finds, at the level it finds it.
    for part in (p.strip() for p in name.split(",")):
        hits = gazetteer.lookup(part)
        if hits:
            hit = hits[0]
            level = "city" if hit.lat is not None else "country"
            if hit.feature == "state":
                level = "region"
            return GoldPlace(
                name, level, hit.country, hit.admin1, hit.lat, hit.lon, None, "gazetteer"
            )
    return None


def _event(row: dict[str, Any], where: str) -> NewsEvent:
    try:
        source, target = str(row["src"]), str(row["tgt"])
        root = str(row.get("root") or str(row["cameo"])[:2])
        sentence = str(row["sentence"])
    except KeyError as exc:
        raise GoldError(f"{where}: an event has no {exc.args[0]!r}") from exc
    place = resolve_place(row.get("place"))
    date = row.get("date") or None
    gold = GoldEvent(
        sources=_side(source),
        targets=_side(target),
        classes=(root,),
        code=str(row.get("cameo") or root),
        date=date,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        label=sentence,
    )
    return NewsEvent(
        gold,
        sentence,
        source,
        target,
        str(row.get("cameo") or root),
        root,
        date,
        place,
        row.get("place"),
        str(row.get("note") or ""),
    )


def load_news(gold_path: Path | str, texts: Path | str | None = None) -> list[NewsArticle]:
    """The gold articles of ``gold_path`` with their texts from ``texts`` (found if None)."""
    gold_path = Path(gold_path)
    rows = _read_jsonl(gold_path)
    text_path = Path(texts) if texts is not None else find_texts(gold_path)
    corpus = _load_texts(text_path, {row["id"] for _, row in rows})
    articles = []
    for number, row in rows:
        where = f"{gold_path}:{number}"
        found = corpus.get(row["id"])
        if found is None or not isinstance(found.get("text"), str):
            raise GoldError(f"{where}: article {row['id']!r} has no text in {text_path}")
        events = tuple(_event(ev, where) for ev in row.get("events", []))
        persons = tuple(GoldPerson(str(p["name"]), str(p["code"])) for p in row.get("persons", []))
        published = row.get("published") or found.get("published")
        articles.append(
            NewsArticle(
                row["id"],
                found["text"],
                found.get("title"),
                str(published)[:10] if published else None,
                events,
                persons,
            )
        )
    return articles
