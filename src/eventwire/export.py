"""Exports: stored events → CSV, GDELT-style TSV, PLOVER JSONL, Parquet, GeoJSON and GraphML.

Every writer takes an iterable of :class:`~eventwire.records.Event` and a path, streams what it
can (CSV, TSV, JSONL, GeoJSON, Parquet in row groups) and returns how many records it wrote, so
a million events never sit in memory at once. :func:`export_store` is what the CLI and the API
call: it picks the events (negated ones left out unless asked) and the writer.
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
from eventwire.whenwhere import gazetteer

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

SourceUrl = Callable[[str], str | None]


def write_events_csv(events: Iterable[Event], path: Path) -> int:
    """CSV with a header of the event record's keys (nested values as JSON, as the CLI does)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        return write_csv((e.to_dict() for e in events), out, EVENT_COLUMNS)


def _actor_parts(code: str) -> list[str]:
    """GDELT's actor columns from a CAMEO code: country, known group, and three type codes."""
    country = group = ""
    rest = code
    if code[:3] in ("IGO", "NGO") and len(code) >= 6:
        group, rest = code[3:6], code[6:]
    elif len(code) >= 3 and code[:3].isalpha():
        country, rest = code[:3], code[3:]
    types = [rest[i : i + 3] for i in range(0, len(rest), 3)][:3]
    types += [""] * (3 - len(types))
    # Ethnic and the two religion codes: our actor codes carry none.
    return [country, group, "", "", "", *types]


def gdelt_row(event: Event, source_url: str | None = None) -> list[str]:
    """The event in GDELT 2.0's 61-column event layout; cells we have no value for are empty."""
    row = [""] * GDELT_COLUMNS
    # GLOBALEVENTID is an integer in GDELT: the first 60 bits of our hex id are stable and unique
    # enough (our id is a hash), and fit a signed 64-bit integer.
    row[0] = str(int(event.event_id[:15], 16)) if _is_hex(event.event_id) else ""
    if event.date:
        day = dt.date.fromisoformat(event.date)
        row[1] = day.strftime("%Y%m%d")
        row[2] = day.strftime("%Y%m")
        row[3] = str(day.year)
        row[4] = f"{day.year + (day.month * 30 + day.day) / 365:.4f}"
    row[5], row[6] = event.source, event.source_name
    row[7:15] = _actor_parts(event.source)
    row[15], row[16] = event.target, event.target_name
    row[17:25] = _actor_parts(event.target)
    row[25] = "1" if event.sentence == 0 else "0"
    row[26], row[27], row[28] = event.cameo, event.cameo[:3], event.root
    row[29] = "" if event.quad_class is None else str(event.quad_class)
    row[30] = "" if event.goldstein is None else str(event.goldstein)
    # Each stored event is one mention in one article of one source.
    row[31] = row[32] = row[33] = "1"
    place = event.location
    if place is not None:
        # GDELT's geographic country codes are FIPS 10-4, not ISO.
        fips = gazetteer.fips(place.country or "") or ""
        row[51] = geo_type(place)
        row[52] = place.name
        row[53] = fips
        row[54] = fips + place.admin1 if fips and place.admin1 else ""
        row[56] = "" if place.lat is None else str(place.lat)
        row[57] = "" if place.lon is None else str(place.lon)
    row[60] = source_url or ""
    return row


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


def _is_hex(text: str) -> bool:
    return bool(text) and all(ch in "0123456789abcdefABCDEF" for ch in text)


def write_gdelt_tsv(
    events: Iterable[Event], path: Path, source_url: SourceUrl | None = None
) -> int:
    """GDELT 2.0 event rows, tab-separated, no header (as GDELT's own files)."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        # Tabs and newlines inside a cell would break the fixed layout: GDELT has no quoting.
        writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        for event in events:
            url = source_url(event.doc_id) if source_url else None
            writer.writerow(
                [c.replace("\t", " ").replace("\n", " ") for c in gdelt_row(event, url)]
            )
            count += 1
    return count


def _entity(code: str, name: str) -> list[dict[str, Any]]:
    if not code and not name:
        return []
    country, group, *_, type1, _t2, _t3 = _actor_parts(code)
    return [{"code": country or group or code, "sector": type1 or None, "entity_text": name}]


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
        "quad_code": event.quad_class,
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


def write_plover_jsonl(events: Iterable[Event], path: Path) -> int:
    """One PLOVER record per line; events with no PLOVER type are left out (``event`` is
    required in PLOVER and the CAMEO→PLOVER crosswalk leaves some codes unmapped)."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for event in events:
            if event.plover:
                out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
                count += 1
    return count


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


def write_geojson(events: Iterable[Event], path: Path) -> int:
    """A FeatureCollection with one Point per event that has coordinates (others are left out)."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"type": "FeatureCollection", "features": [\n')
        for event in events:
            place = event.location
            if place is None or place.lat is None or place.lon is None:
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
        out.write("\n]}\n")
    return count


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
        graph.add_node(code, name=name, country=_actor_parts(code)[0])
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


def write_export(
    events: Iterable[Event], fmt: str, path: Path, source_url: SourceUrl | None = None
) -> int:
    """Write ``events`` to ``path`` in ``fmt`` (one of EXPORT_FORMATS); the records written."""
    if fmt == "csv":
        return write_events_csv(events, path)
    if fmt == "tsv":
        return write_gdelt_tsv(events, path, source_url)
    if fmt == "jsonl":
        return write_plover_jsonl(events, path)
    if fmt == "parquet":
        return write_parquet(events, path)
    if fmt == "geojson":
        return write_geojson(events, path)
    if fmt == "graphml":
        return write_graphml(events, path)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")


def export_store(
    store: Store,
    fmt: str,
    path: Path,
    flt: EventFilter | None = None,
    *,
    include_negated: bool = False,
) -> int:
    """Export the store's events matching ``flt`` to ``path``, in timeline order.

    Events the text denies are left out unless ``include_negated`` or the filter asks for them
    (``negated=True``): a filter's explicit ``negated`` wins over the default.
    """
    flt = (flt or EventFilter()).with_default_negated(None if include_negated else False)
    events = store.iter_events(flt)

    @lru_cache(maxsize=4096)
    def source_url(doc_id: str) -> str | None:
        article = store.get_article(doc_id)
        return (article.url or doc_id) if article else doc_id

    return write_export(events, fmt, path, source_url if fmt == "tsv" else None)
