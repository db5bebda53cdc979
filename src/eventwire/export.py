"""Exports: stored events → CSV, GDELT-style TSV, PLOVER JSONL, Parquet, GeoJSON and GraphML.

Every writer takes an iterable of :class:`~eventwire.records.Event` and a path, streams what it
can (CSV, TSV, JSONL, GeoJSON, Parquet in row groups) and returns how many records it wrote
(the writers that skip events, JSONL and GeoJSON, also how many and why: :class:`Written`), so
a million events never sit in memory at once. :func:`export_store` is what the CLI and the API
call: it picks the events (negated ones left out unless asked), one row per mention or, with
``grouped``, per event as GDELT's events table (tsv, csv), and the writer. The GDELT field
rules are in the README's Export section.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.config import EXPORT_FORMATS
from eventwire.formats import write_csv
from eventwire.records import EVENT_KEYS, Event, Location
from eventwire.store import EventFilter, Store
from eventwire.store.events import EVENT_GROUP_COLUMNS
from eventwire.whenwhere import centroids, gazetteer

MEDIA_TYPES = {
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "geojson": "application/geo+json",
    "graphml": "application/graphml+xml",
}
EVENT_COLUMNS = EVENT_KEYS
GDELT_COLUMNS = 61
# Parquet row groups: ~10k events keep the writer's buffer to a few MB and still compress well.
PARQUET_BATCH = 10_000

ArticleOrigin = Callable[[str], "Origin"]


# The record's text columns: CSV has no types, so a reader guesses, and a guess turns CAMEO
# "043" into 43. Read them as text: pd.read_csv(path, dtype=CSV_TEXT_COLUMNS) (README, Export).
CSV_TEXT_COLUMNS = {
    key: "string"
    for key in (
        "event_id", "doc_id", "text", "span", "source", "source_name", "target", "target_name",
        "cameo", "root", "plover", "plover_mode", "date", "date_basis", "date_precision",
        "date_end", "location", "rule",
    )
}  # fmt: skip


def write_events_csv(events: Iterable[Event], path: Path) -> int:
    """CSV with a header of the event record's keys (nested values as JSON, as the CLI does).

    Text cells are quoted and numbers are not (csv.QUOTE_NONNUMERIC): spreadsheet imports that
    take quoted fields as text (LibreOffice's "Quoted field as text") keep "043"; pandas and
    pyarrow infer types even for quoted fields, so they need the dtypes (CSV_TEXT_COLUMNS).
    """
    with path.open("w", encoding="utf-8", newline="") as out:
        rows = (e.to_dict() for e in events)
        return write_csv(rows, out, EVENT_COLUMNS, quoting=csv.QUOTE_NONNUMERIC)


ACTOR_PARTS_FILE = "data/cameo_actor_parts.tsv"
# Where each part of an actor code goes in GDELT's eight actor columns after the code and name.
_COUNTRY, _GROUP, _ETHNIC, _RELIGION, _TYPE = 0, 1, 2, 3, 5


@lru_cache(maxsize=1)
def _element_parts() -> dict[str, str]:
    """3-letter element → country | type | religion | known_group (data/cameo_actor_parts.tsv)."""
    from importlib import resources

    text = resources.files("eventwire").joinpath(ACTOR_PARTS_FILE).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1] for row in rows if row[0] != "code"}


def _element_part(element: str) -> str:
    part = _element_parts().get(element)
    if part is not None:
        return part
    # Any ISO alpha-3 country of the gazetteer; anything else is a group's own code (EEC, ALQ).
    return "country" if gazetteer.fips(element) is not None else "known_group"


def actor_parts(code: str) -> list[str]:
    """GDELT's actor columns from a CAMEO code: country, known group, ethnic, two religions,
    three types.

    Each 3-letter element is sorted by what it is, wherever it stands (CAMEO puts IGO/NGO/IMG
    first): IGOEUREEC → country EUR (a region), group EEC, type IGO; IMGMUSISI → religion MUS,
    group ISI, type IMG. The first of each kind fills its column; GDELT has no room for more
    (IGOUNODEVWBK keeps group UNO, not WBK). Ethnic codes are not told apart from groups.
    """
    cells = [""] * 8
    religions: list[str] = []
    types: list[str] = []
    for element in (code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)):
        part = _element_part(element)
        if part == "type":
            types.append(element)
        elif part == "religion":
            religions.append(element)
        elif part == "country" and not cells[_COUNTRY]:
            cells[_COUNTRY] = element
        elif part == "known_group" and not cells[_GROUP]:
            cells[_GROUP] = element
    for i, element in enumerate(religions[:2]):
        cells[_RELIGION + i] = element
    for i, element in enumerate(types[:3]):
        cells[_TYPE + i] = element
    return cells


def fraction_date(day: dt.date) -> str:
    """GDELT's FractionDate as its files compute it: YYYY + ((MM − 1)·30 + DD) / 365, four
    decimals (20150218 → 2015.1315). The codebook's sentence omits the − 1, which would push
    late December into the next year; the files do not."""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def gdelt_day_added(added: dt.datetime | None) -> str:
    """DATEADDED: YYYYMMDDHHMMSS in UTC (a naive time is taken as UTC, as the store keeps it)."""
    if added is None:
        return ""
    if added.tzinfo is not None:
        added = added.astimezone(dt.UTC)
    return added.strftime("%Y%m%d%H%M%S")


@dataclass(frozen=True)
class Origin:
    """Where an event was read: the article's URL (None when it has none) and when it was stored
    (DATEADDED: eventwire codes an article when it stores it)."""

    url: str | None = None
    added: dt.datetime | None = None


@dataclass(frozen=True)
class Counts:
    """GDELT's NumMentions, NumSources and NumArticles of one exported row."""

    mentions: int = 1
    sources: int = 1
    articles: int = 1


def gdelt_row(
    event: Event, source_url: str | None = None, *, added: dt.datetime | None = None,
    counts: Counts | None = None,
) -> list[str]:  # fmt: skip
    """The event in GDELT 2.0's 61-column event layout; cells we have no value for are empty.

    ``source_url`` is the article's URL (SOURCEURL stays empty without one: an article id is
    no URL); ``counts`` default to one mention in one article of one source (a stored event).
    """
    row = [""] * GDELT_COLUMNS
    # GLOBALEVENTID is an integer in GDELT: the first 60 bits of our hex id are stable and unique
    # enough (our id is a hash), and fit a signed 64-bit integer.
    row[0] = str(int(event.event_id[:15], 16)) if _is_hex(event.event_id) else ""
    if event.date:
        day = dt.date.fromisoformat(event.date)
        row[1] = day.strftime("%Y%m%d")
        row[2] = day.strftime("%Y%m")
        row[3] = str(day.year)
        row[4] = fraction_date(day)
    row[5], row[6] = event.source, event.source_name
    row[7:15] = actor_parts(event.source)
    row[15], row[16] = event.target, event.target_name
    row[17:25] = actor_parts(event.target)
    row[25] = "1" if event.sentence == 0 else "0"
    row[26], row[27], row[28] = event.cameo, event.cameo[:3], event.root
    row[29] = "" if event.quad_class is None else str(event.quad_class)
    row[30] = "" if event.goldstein is None else str(event.goldstein)
    counts = counts or Counts()
    row[31], row[32], row[33] = str(counts.mentions), str(counts.sources), str(counts.articles)
    if event.location is not None:
        row[51:59] = action_geo(event.location)
    row[59] = gdelt_day_added(added)
    row[60] = source_url or ""
    return row


def action_geo(place: Location) -> list[str]:
    """ActionGeo_Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    # GDELT's geographic country codes are FIPS 10-4, not ISO.
    fips = gazetteer.fips(place.country or "") or ""
    kind = geo_type(place)
    # A country row's ADM1 code is the country's own code, as in GDELT's files.
    adm1 = fips if kind == "1" else (fips + place.admin1 if fips and place.admin1 else "")
    point = (place.lat, place.lon) if place.lat is not None and place.lon is not None else None
    if point is None:
        point = centroid(place, kind)
    lat, lon = ("", "") if point is None else (str(point[0]), str(point[1]))
    name = full_name(place, kind)
    return [kind, name, fips, adm1, "", lat, lon, feature_id(place, kind, fips, adm1)]


def full_name(place: Location, kind: str) -> str:
    """GDELT's ActionGeo_FullName, "City, State, Country" down to the place's level: "Houston,
    Texas, United States", "Texas, United States", "Iran". Outside the US the shipped gazetteer
    names no states, so a city reads "Tehran, Iran" where GDELT writes "Tehran, Tehran, Iran"."""
    countries, us_states = _division_names()
    country = countries.get(place.country or "", "")
    if kind == "1":
        return country or place.name
    parts = [place.name]
    if kind == "3" and place.admin1:
        parts.append(us_states.get(place.admin1.upper(), ""))
    if kind:  # a place of unknown type is known by its name only
        parts.append(country)
    return ", ".join(p for p in parts if p)


@lru_cache(maxsize=1)
def _division_names() -> tuple[dict[str, str], dict[str, str]]:
    """ISO3 → country name and US state code → state name, from the gazetteer."""
    countries = {p.country: p.name for p in gazetteer.places_of("country")}
    states = {p.admin1 or "": p.name for p in gazetteer.places_of("state")}
    return countries, states


def geo_type(place: Location) -> str:
    """GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.

    From the location's precision (a landmark is placed at its city); a location stored before
    precision was recorded falls back on its gazetteer feature. A place known by name only has
    no type.
    """
    precision = place.precision
    if precision is None:
        precision = {"country": "country", "region": "country", "state": "admin1"}.get(
            place.feature or "", "city" if place.lat is not None else None
        )
    us = place.country == "USA"
    if precision == "country":
        return "1"
    if precision == "admin1":
        return "2" if us else "5"
    if precision in ("city", "landmark"):
        return "3" if us else "4"
    return ""


def centroid(place: Location, kind: str) -> tuple[float, float] | None:
    """The centroid of a country (type 1) or state (2, 5) row, which has no point of its own."""
    if kind == "1" and place.country:
        return centroids.country_centroid(place.country)
    if kind in ("2", "5") and place.country and place.admin1:
        return centroids.admin1_centroid(place.country, place.admin1)
    return None


def feature_id(place: Location, kind: str, fips: str, adm1: str) -> str:
    """GDELT's FeatureID: the FIPS code for a country row, the ADM1 code for a state row (the
    US state's two letters, as GDELT writes them); a city's would be its GeoNames id, which the
    shipped gazetteer does not keep, so city rows leave it empty."""
    if kind == "1":
        return fips
    if kind == "2":
        return (place.admin1 or "").upper()
    if kind == "5":
        return adm1
    return ""


def _is_hex(text: str) -> bool:
    return bool(text) and all(ch in "0123456789abcdefABCDEF" for ch in text)


def write_gdelt_tsv(
    events: Iterable[Event], path: Path, origin: ArticleOrigin | None = None
) -> int:
    """GDELT 2.0 event rows, tab-separated, no header (as GDELT's own files); ``origin`` gives
    each article's URL and storing time (SOURCEURL, DATEADDED)."""
    rows = (_gdelt_cells(event, origin, None) for event in events)
    return _write_tsv(rows, path)


def _gdelt_cells(event: Event, origin: ArticleOrigin | None, counts: Counts | None) -> list[str]:
    where = origin(event.doc_id) if origin else Origin()
    return gdelt_row(event, where.url, added=where.added, counts=counts)


def _write_tsv(rows: Iterable[list[str]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        # Tabs and newlines inside a cell would break the fixed layout: GDELT has no quoting.
        writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        for row in rows:
            writer.writerow([c.replace("\t", " ").replace("\n", " ") for c in row])
            count += 1
    return count


def _entity(code: str, name: str) -> list[dict[str, Any]]:
    if not code and not name:
        return []
    country, group, *_, type1, _t2, _t3 = actor_parts(code)
    return [{"code": country or group or code, "sector": type1 or None, "entity_text": name}]


PLOVER_QUADS_FILE = "data/plover_quads.tsv"


@lru_cache(maxsize=1)
def plover_quads() -> dict[str, int]:
    """PLOVER event type → the quad code the PLOVER manual gives it (data/plover_quads.tsv)."""
    from importlib import resources

    text = resources.files("eventwire").joinpath(PLOVER_QUADS_FILE).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: int(row[1]) for row in rows if row[0] != "type"}


def plover_record(event: Event) -> dict[str, Any]:
    """The event as a PLOVER JSON record (PLOVER manual's data fields; CAMEO kept alongside)."""
    place = event.location
    return {
        "id": event.event_id,
        "date": event.date,
        "actor": _entity(event.source, event.source_name),
        "recipient": _entity(event.target, event.target_name),
        "event": [event.plover],
        "mode": [event.plover_mode] if event.plover_mode else [],
        "context": [],
        # PLOVER's own quad for its type, not CAMEO's by root (CONCEDE is verbal cooperation).
        "quad_code": plover_quads().get(event.plover or ""),
        "event_loc": None
        if place is None
        else {
            "resolved_place": place.name,
            "country_code": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "feature_class": place.feature,
        },
        "event_text": [event.text],
        "text_info": {"sequence": event.sentence, "start": event.span[0], "end": event.span[1]},
        "cite_info": {"corpus": "eventwire", "citation": event.doc_id},
        "coder": "eventwire",
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "confidence": event.confidence,
    }


def write_plover_jsonl(events: Iterable[Event], path: Path) -> Written:
    """One PLOVER record per line; events with no PLOVER type are left out (``event`` is
    required in PLOVER and the CAMEO→PLOVER crosswalk leaves some codes unmapped)."""
    count = left_out = 0
    with path.open("w", encoding="utf-8") as out:
        for event in events:
            if event.plover:
                out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
                count += 1
            else:
                left_out += 1
    return Written(count, left_out, NO_PLOVER)


def _flat(event: Event) -> dict[str, Any]:
    row = event.to_dict()
    del row["span"], row["location"]
    place = event.location
    row.update(
        span_start=event.span[0],
        span_end=event.span[1],
        location_name=place.name if place else None,
        location_country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
    )
    return row


def write_parquet(events: Iterable[Event], path: Path) -> int:
    """A Parquet table of the event record, location flattened into typed columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("event_id", pa.string()),
            ("doc_id", pa.string()),
            ("sentence", pa.int32()),
            ("text", pa.string()),
            ("span_start", pa.int32()),
            ("span_end", pa.int32()),
            ("source", pa.string()),
            ("source_name", pa.string()),
            ("target", pa.string()),
            ("target_name", pa.string()),
            ("cameo", pa.string()),
            ("root", pa.string()),
            ("plover", pa.string()),
            ("plover_mode", pa.string()),
            ("quad_class", pa.int8()),
            ("goldstein", pa.float64()),
            ("date", pa.date32()),
            ("date_basis", pa.string()),
            ("date_precision", pa.string()),
            ("date_end", pa.date32()),
            ("location_name", pa.string()),
            ("location_country", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("negated", pa.bool_()),
            ("confidence", pa.float64()),
            ("rule", pa.string()),
        ]
    )
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in _batches((_flat(e) for e in events), PARQUET_BATCH):
            for row in batch:
                for key in ("date", "date_end"):
                    row[key] = dt.date.fromisoformat(row[key]) if row[key] else None
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def _batches(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_geojson(events: Iterable[Event], path: Path) -> Written:
    """A FeatureCollection with one Point per event that has coordinates.

    Events placed at a country or a state have no point of their own (the gazetteer gives none:
    a point would mislead a map) and events with no place have none at all: they are left out,
    and the collection says how many in its ``metadata`` member (RFC 7946 allows foreign
    members), as the return value does for the CLI.
    """
    count = left_out = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"type": "FeatureCollection", "features": [\n')
        for event in events:
            place = event.location
            if place is None or place.lat is None or place.lon is None:
                left_out += 1
                continue
            properties = _flat(event)
            feature = {
                "type": "Feature",
                "id": event.event_id,
                # GeoJSON positions are [longitude, latitude] (RFC 7946).
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": properties,
            }
            out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
            count += 1
        metadata = {"features": count, "left_out_without_coordinates": left_out}
        out.write("\n],\n" + f'"metadata": {json.dumps(metadata)}' + "}\n")
    return Written(count, left_out, NO_POINT)


@dataclass
class _Edge:
    count: int = 0
    goldstein_sum: float = 0.0
    scored: int = 0
    first: str = ""
    last: str = ""


def write_graphml(events: Iterable[Event], path: Path) -> int:
    """The actor network: actor codes as nodes, one weighted edge per directed dyad.

    ``weight`` is the number of events, ``goldstein`` their mean; events with an unknown side
    are left out. Returns the number of events the edges stand for.
    """
    import networkx as nx

    names: dict[str, str] = {}
    edges: dict[tuple[str, str], _Edge] = {}
    count = 0
    for event in events:
        if not event.source or not event.target:
            continue
        names.setdefault(event.source, event.source_name)
        names.setdefault(event.target, event.target_name)
        edge = edges.setdefault((event.source, event.target), _Edge())
        edge.count += 1
        if event.goldstein is not None:
            edge.goldstein_sum += event.goldstein
            edge.scored += 1
        day = event.date or ""
        edge.first = min(edge.first, day) if edge.first else day
        edge.last = max(edge.last, day)
        count += 1
    graph = nx.DiGraph()
    for code, name in names.items():
        graph.add_node(code, name=name, country=actor_parts(code)[0])
    for (source, target), edge in edges.items():
        mean = edge.goldstein_sum / edge.scored if edge.scored else 0.0
        graph.add_edge(
            source,
            target,
            weight=edge.count,
            goldstein=round(mean, 3),
            first=edge.first,
            last=edge.last,
        )
    nx.write_graphml(graph, str(path))
    return count


NO_POINT = "without coordinates (no place, or a country or state)"
NO_PLOVER = "without a PLOVER type (CAMEO 01, 02 have none)"


@dataclass(frozen=True)
class Written:
    """What a writer wrote, and how many events it left out and why (told on stderr)."""

    records: int
    left_out: int = 0
    why: str = ""


def write_export(
    events: Iterable[Event], fmt: str, path: Path, origin: ArticleOrigin | None = None
) -> Written:
    """Write ``events`` to ``path`` in ``fmt`` (one of EXPORT_FORMATS)."""
    if fmt == "csv":
        return Written(write_events_csv(events, path))
    if fmt == "tsv":
        return Written(write_gdelt_tsv(events, path, origin))
    if fmt == "jsonl":
        return write_plover_jsonl(events, path)
    if fmt == "parquet":
        return Written(write_parquet(events, path))
    if fmt == "geojson":
        return write_geojson(events, path)
    if fmt == "graphml":
        return Written(write_graphml(events, path))
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")


GROUPED_FORMATS = ("tsv", "csv")


def export_store(
    store: Store,
    fmt: str,
    path: Path,
    flt: EventFilter | None = None,
    *,
    include_negated: bool = False,
    grouped: bool = False,
) -> Written:
    """Export the store's events matching ``flt`` to ``path``, in timeline order.

    Events the text denies are left out unless ``include_negated`` or the filter asks for them
    (``negated=True``): a filter's explicit ``negated`` wins over the default. ``grouped``
    writes one row per event as GDELT's events table does (story, dyad, code and date, with
    mention, source and article counts) instead of one per mention; tsv and csv only.
    """
    flt = (flt or EventFilter()).with_default_negated(None if include_negated else False)
    origin = article_origins(store)
    if grouped:
        if fmt not in GROUPED_FORMATS:
            raise ValueError(f"grouped export is for {' and '.join(GROUPED_FORMATS)}, not {fmt!r}")
        return Written(_export_groups(store, fmt, path, flt, origin))
    return write_export(store.iter_events(flt), fmt, path, origin if fmt == "tsv" else None)


def article_origins(store: Store) -> ArticleOrigin:
    """Each article's URL and storing time, looked up once per article."""

    @lru_cache(maxsize=4096)
    def origin(doc_id: str) -> Origin:
        found = store.get_article_origin(doc_id)
        return Origin() if found is None else Origin(found[0] or None, found[1])

    return origin


def _export_groups(
    store: Store, fmt: str, path: Path, flt: EventFilter, origin: ArticleOrigin
) -> int:
    groups = store.iter_event_groups(flt)
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            return write_csv(groups, out, EVENT_GROUP_COLUMNS, quoting=csv.QUOTE_NONNUMERIC)
    return _write_tsv(_group_rows(store, groups, origin), path)


def _group_rows(
    store: Store, groups: Iterable[dict[str, Any]], origin: ArticleOrigin
) -> Iterator[list[str]]:
    """A GDELT row per group: the first report's event (the one stored earliest; ties by id)
    gives the row's cells and SOURCEURL, as GDELT's events table names the first report."""
    for group in groups:
        events = [e for e in map(store.get_event, group["event_ids"]) if e is not None]
        if not events:
            continue
        first = min(events, key=lambda e: (_added_key(origin(e.doc_id)), e.event_id))
        counts = Counts(group["mentions"], group["sources"], group["articles"])
        yield _gdelt_cells(first, origin, counts)


def _added_key(where: Origin) -> str:
    return where.added.isoformat() if where.added else "~"
