"""Exports open in their standard readers with the right row counts; negated events left out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from tests.test_cli import run
from tests.web.builders import BULK, Counts, fill

from eventwire.export import EVENT_COLUMNS, GDELT_COLUMNS, export_store, gdelt_row
from eventwire.store import EventFilter, Store, open_store
from eventwire.web import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store, Counts]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'export.db'}"
    with open_store(url) as store:
        yield url, store, fill(store)


def _export(db: tuple[str, Store, Counts], tmp_path: Path, fmt: str, **options: object) -> Path:
    path = tmp_path / f"events.{fmt}"
    export_store(db[1], fmt, path, **options)  # type: ignore[arg-type]
    return path


def test_export_csv_reads_in_pandas_without_negated(
    db: tuple[str, Store, Counts], tmp_path: Path
) -> None:
    frame = pd.read_csv(_export(db, tmp_path, "csv"), dtype={"cameo": str, "root": str})
    assert len(frame) == db[2].events - db[2].negated
    assert tuple(frame.columns) == EVENT_COLUMNS
    assert not frame["negated"].any()
    assert set(frame["cameo"]) >= {"043", "057"}


def test_export_csv_includes_negated_on_request(
    db: tuple[str, Store, Counts], tmp_path: Path
) -> None:
    frame = pd.read_csv(_export(db, tmp_path, "csv", include_negated=True))
    assert len(frame) == db[2].events
    assert frame["negated"].sum() == db[2].negated


def test_export_tsv_has_the_61_gdelt_columns(db: tuple[str, Store, Counts], tmp_path: Path) -> None:
    path = _export(db, tmp_path, "tsv")
    # GDELT files have no quoting: read them as such (csv.QUOTE_NONE).
    frame = pd.read_csv(path, sep="\t", header=None, dtype=str, keep_default_na=False, quoting=3)
    assert frame.shape == (db[2].events - db[2].negated, GDELT_COLUMNS)
    tehran = frame[frame[5] == "IRNGOV"].iloc[0]
    assert (tehran[1], tehran[26], tehran[27], tehran[28]) == ("20240102", "043", "043", "04")
    assert (tehran[7], tehran[12], tehran[17]) == ("IRN", "GOV", "RUS")
    assert tehran[53] == "IR"  # FIPS 10-4, as GDELT's geography columns use
    assert tehran[60] == "https://example.org/a1"
    assert tehran[34] == ""  # AvgTone: we have no value


def test_gdelt_row_splits_organisation_codes() -> None:
    from tests.web.builders import _event, _sentences

    sentence = _sentences("The UN met Iran.")[0]
    event = _event(
        "x", 0, sentence, ("IGOUNO", "UN"), ("IRN", "Iran"), "040", plover="CONSULT", quad=1,
        goldstein=1.0, day="2024-01-01", place=None,
    )  # fmt: skip
    row = gdelt_row(event)
    assert (row[5], row[7], row[8]) == ("IGOUNO", "", "UNO")
    assert len(row) == GDELT_COLUMNS


def test_export_jsonl_is_plover_records(db: tuple[str, Store, Counts], tmp_path: Path) -> None:
    lines = _export(db, tmp_path, "jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    # Events without a PLOVER type (CAMEO 111 here) have no PLOVER record.
    assert len(records) == db[2].events - db[2].negated - 1
    consult = next(r for r in records if r["event"] == ["CONSULT"])
    assert consult["actor"][0] == {"code": "IRN", "sector": "GOV", "entity_text": "Ali Shamkhani"}
    assert consult["date"] == "2024-01-02"
    assert consult["event_loc"]["lat"] == pytest.approx(35.69)


def test_export_parquet_reads_in_pyarrow(db: tuple[str, Store, Counts], tmp_path: Path) -> None:
    table = pq.read_table(_export(db, tmp_path, "parquet"))
    assert table.num_rows == db[2].events - db[2].negated
    assert str(table.schema.field("date").type) == "date32[day]"
    assert "lat" in table.column_names


def test_export_geojson_keeps_events_with_coordinates(
    db: tuple[str, Store, Counts], tmp_path: Path
) -> None:
    collection = json.loads(_export(db, tmp_path, "geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    # Tehran (affirmed) and Paris; the negated Tehran event is left out.
    assert len(collection["features"]) == db[2].located - db[2].negated
    paris = next(f for f in collection["features"] if f["properties"]["location_name"] == "Paris")
    assert paris["geometry"]["coordinates"] == [2.35, 48.85]


def test_export_graphml_reads_in_networkx(db: tuple[str, Store, Counts], tmp_path: Path) -> None:
    graph = nx.read_graphml(_export(db, tmp_path, "graphml"))
    assert graph["TUR"]["LBY"]["weight"] == BULK
    total = sum(data["weight"] for _, _, data in graph.edges(data=True))
    assert total == db[2].events - db[2].negated
    assert not graph.has_edge("RUS", "IRN")  # the negated attack


def test_export_follows_the_filter(db: tuple[str, Store, Counts], tmp_path: Path) -> None:
    path = _export(db, tmp_path, "csv", flt=EventFilter(actor="FRA"))
    assert len(pd.read_csv(path)) == 1


def test_export_cli_writes_the_file(db: tuple[str, Store, Counts], tmp_path: Path) -> None:
    out = tmp_path / "cli.parquet"
    code, stdout, err = run(
        "export", "--format", "parquet", "--output", str(out), "--root", "05", "--db", db[0]
    )
    assert code == 0, err
    assert pq.read_table(out).num_rows == BULK
    assert f"{BULK} records" in stdout


def test_export_cli_rejects_an_unknown_format(
    db: tuple[str, Store, Counts], tmp_path: Path
) -> None:
    code, _, err = run("export", "--format", "xml", "--output", str(tmp_path / "x"), "--db", db[0])
    assert code == 2
    assert "xml" in err


def test_export_api_streams_a_file(db: tuple[str, Store, Counts], tmp_path: Path) -> None:
    with TestClient(create_app(db[1])) as client:
        response = client.get("/api/export", params={"format": "geojson", "include_negated": True})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/geo+json")
        assert len(response.json()["features"]) == db[2].located
        assert client.get("/api/export", params={"format": "xls"}).status_code == 422


def test_gdelt_geo_type_follows_the_precision() -> None:
    from eventwire.export import geo_type
    from eventwire.records import Location

    assert geo_type(Location("Syria", "SYR", precision="country")) == "1"
    assert geo_type(Location("Ohio", "USA", "OH", precision="admin1")) == "2"
    assert geo_type(Location("Tulsa", "USA", "OK", 36.15, -95.99, "city", "city")) == "3"
    kremlin = Location("Kremlin, Moscow", "RUS", "48", 55.75, 37.62, precision="landmark")
    assert geo_type(kremlin) == "4"
    assert geo_type(Location("Bavaria", "DEU", "02", precision="admin1")) == "5"
    # Rows stored before precision was recorded: from the gazetteer feature.
    assert geo_type(Location("Iowa", "USA", "IA", feature="state")) == "2"
    assert geo_type(Location("Qwertyville")) == ""
