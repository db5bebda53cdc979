"""Exports open in their standard readers with the right row counts; negated events left out."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import geojson
import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from tests.store.conftest import BACKENDS, _database
from tests.test_cli import run
from tests.web.builders import BULK, CHINA, TEHRAN, Counts, fill

from eventwire.export import (
    CSV_TEXT_COLUMNS,
    EVENT_COLUMNS,
    EVENT_GROUP_COLUMNS,
    GDELT_COLUMNS,
    actor_parts,
    export_store,
    fraction_date,
    gdelt_row,
    geo_type,
    plover_record,
)
from eventwire.records import Event, Location
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
    with TestClient(create_app(db[1]), base_url="http://127.0.0.1") as client:
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


# --- GDELT 2.0 field rules (issue 18) -------------------------------------------------------


def _one_event(source: str = "USA", target: str = "CHN", **changes: object) -> Event:
    from tests.web.builders import _event, _sentences

    sentence = _sentences("One side met the other.")[0]
    event = _event(
        "x", 0, sentence, (source, source), (target, target), "040", plover="CONSULT", quad=1,
        goldstein=1.0, day="2024-01-01", place=None,
    )  # fmt: skip
    return replace(event, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2015-02-18", "2015.1315"),  # the example of GDELT's own files
        # December stays in its year (the codebook's sentence would give 2020.0192).
        ("2019-12-12", "2019.9370"),
        ("2019-12-31", "2019.9890"),
        ("2024-01-01", "2024.0027"),
    ],
)
def test_gdelt_fraction_date_is_computed_as_gdelt_files_do(day: str, expected: str) -> None:
    assert fraction_date(dt.date.fromisoformat(day)) == expected
    assert gdelt_row(_one_event(date=day))[4] == expected


@pytest.mark.parametrize(
    ("code", "parts"),
    [
        # country, known group, ethnic, religion 1, religion 2, type 1, type 2, type 3
        ("IGOEUREEC", ["EUR", "EEC", "", "", "", "IGO", "", ""]),
        ("IMGMUSISI", ["", "ISI", "", "MUS", "", "IMG", "", ""]),
        ("IGOUNO", ["", "UNO", "", "", "", "IGO", "", ""]),
        ("IGOUNODEVWBK", ["", "UNO", "", "", "", "IGO", "DEV", ""]),
        ("IMGSEAMUSJMA", ["SEA", "JMA", "", "MUS", "", "IMG", "", ""]),
        ("MNCUSAHLH", ["USA", "", "", "", "", "MNC", "HLH", ""]),
        ("USAGOVMIL", ["USA", "", "", "", "", "GOV", "MIL", ""]),
        ("IRQREB", ["IRQ", "", "", "", "", "REB", "", ""]),
        ("USRGOV", ["USR", "", "", "", "", "GOV", "", ""]),
        ("", ["", "", "", "", "", "", "", ""]),
    ],
)
def test_gdelt_actor_parts_follow_the_cameo_actor_code_structure(
    code: str, parts: list[str]
) -> None:
    assert actor_parts(code) == parts
    row = gdelt_row(_one_event(source=code, target=code))
    assert row[7:15] == parts
    assert row[17:25] == parts


TEXAS = Location("Texas", "USA", "TX", None, None, "state")
ONTARIO = Location("Ontario", "CAN", "08", None, None, "state")
HOUSTON = Location("Houston", "USA", "TX", 29.76, -95.36, "city")


@pytest.mark.parametrize(
    ("place", "geo"),
    [
        # Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID
        (CHINA, ["1", "China", "CH", "CH", "", "36.609", "103.8643", "CH"]),
        (TEXAS, ["2", "Texas, United States", "US", "USTX", "", "31.0073", "-97.4873", "TX"]),
        (HOUSTON, ["3", "Houston, Texas, United States", "US", "USTX", "", "29.76", "-95.36", ""]),
        (TEHRAN, ["4", "Tehran, Iran", "IR", "IR26", "", "35.69", "51.42", ""]),
        (ONTARIO, ["5", "Ontario, Canada", "CA", "CA08", "", "43.9404", "-79.2928", "CA08"]),
        (Location("Atlantis"), ["", "Atlantis", "", "", "", "", "", ""]),
    ],
)
def test_gdelt_action_geo_types_and_centroids(place: Location, geo: list[str]) -> None:
    assert gdelt_row(_one_event(location=place))[51:59] == geo


def test_gdelt_geo_type_reads_the_location_precision_when_present() -> None:
    # Issue 17 adds Location.precision; until then a stand-in with the attribute shows the rule.
    @dataclass
    class Precise(Location):
        precision: str | None = None

    landmark = Precise("White House", "USA", "DC", 38.9, -77.04, "city", precision="landmark")
    assert geo_type(landmark) == "3"
    assert geo_type(Precise("Bavaria", "DEU", "02", None, None, None, precision="admin1")) == "5"
    assert geo_type(Precise("Iran", "IRN", None, None, None, "city", precision="country")) == "1"


def _tsv(path: Path) -> pd.DataFrame:
    # GDELT files have no header and no quoting (csv.QUOTE_NONE = 3); every cell read as text.
    return pd.read_csv(path, sep="\t", header=None, dtype=str, keep_default_na=False, quoting=3)


def test_gdelt_tsv_sourceurl_is_the_url_or_empty_and_dateadded_the_storing_time(
    db: tuple[str, Store, Counts], tmp_path: Path
) -> None:
    frame = _tsv(_export(db, tmp_path, "tsv"))
    by_code = {row[5]: row for _, row in frame.iterrows()}
    stored = db[1].get_article_origin("a1")
    assert stored is not None
    assert by_code["IRNGOV"][59] == stored[1].strftime("%Y%m%d%H%M%S")
    assert len(by_code["IRNGOV"][59]) == 14
    assert by_code["IRNGOV"][60] == "https://example.org/a1"
    assert by_code["FRACOP"][60] == ""  # article a2 has no URL: never its id
    china = ["1", "China", "CH", "CH", "", "36.609", "103.8643", "CH"]
    assert by_code["USA"][51:59].tolist() == china
    assert set(frame[31]) == set(frame[32]) == set(frame[33]) == {"1"}  # one row per mention


@pytest.fixture(scope="module", params=BACKENDS)
def story_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Store]]:
    """One story told by two outlets: the same meeting twice in one article, once in a copy
    (SQLite, and PostgreSQL when EVENTWIRE_TEST_PG_URL is set: the grouping is SQL)."""
    from tests.web.builders import _event, _sentences

    from eventwire.dedupe import fingerprint
    from eventwire.records import Article
    from eventwire.store.coded import CodedParts

    body = "Iran's minister met Russia's envoy in Tehran.\nThe minister met the envoy again."
    database = _database(request.param, tmp_path_factory.mktemp("grouped"))
    with database as url, open_store(url) as store:
        for doc, source, link in (("s1", "Tabnak", "https://t.example/1"), ("s2", "PressTV", None)):
            s = _sentences(body)
            events = [
                _event(doc, i, s[i], ("IRNGOV", "minister"), ("RUSGOV", "envoy"), "040",
                       plover="CONSULT", quad=1, goldstein=1.0, day="2024-03-05", place=TEHRAN)
                for i in ((0, 1) if doc == "s1" else (0,))
            ]  # fmt: skip
            article = Article(doc, body, source=source, published=dt.date(2024, 3, 5), url=link)
            store.add_article(
                article, CodedParts(sentences=s, events=events, fingerprint=fingerprint(body))
            )
        yield url, store


def test_export_grouped_tsv_is_one_row_per_event_with_gdelt_counts(
    story_db: tuple[str, Store], tmp_path: Path
) -> None:
    path = tmp_path / "grouped.tsv"
    written = export_store(story_db[1], "tsv", path, grouped=True)
    frame = _tsv(path)
    assert written.records == 1
    assert frame.shape == (1, GDELT_COLUMNS)
    row = frame.iloc[0]
    # Three mentions (two in s1, one in s2), two outlets, two articles.
    assert (row[31], row[32], row[33]) == ("3", "2", "2")
    assert (row[1], row[5], row[15], row[26]) == ("20240305", "IRNGOV", "RUSGOV", "040")
    assert row[60] == "https://t.example/1"  # the first report's URL (s1 was stored first)
    ungrouped = _tsv(_export((story_db[0], story_db[1], None), tmp_path, "tsv"))  # type: ignore[arg-type]
    assert len(ungrouped) == 3


def test_export_grouped_csv_has_the_counts_and_the_evidence(
    story_db: tuple[str, Store], tmp_path: Path
) -> None:
    path = tmp_path / "grouped.csv"
    export_store(story_db[1], "csv", path, grouped=True)
    frame = pd.read_csv(path, dtype={"cameo": str})
    assert tuple(frame.columns) == EVENT_GROUP_COLUMNS
    row = frame.iloc[0]
    assert (row["cameo"], row["mentions"], row["sources"], row["articles"]) == ("040", 3, 2, 2)
    assert len(row["event_ids"].split(";")) == 3


def test_export_grouped_is_refused_for_other_formats(
    story_db: tuple[str, Store], tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="grouped export is for tsv and csv, not 'geojson'"):
        export_store(story_db[1], "geojson", tmp_path / "x.geojson", grouped=True)
    code, _, err = run(
        "export", "-f", "parquet", "-o", str(tmp_path / "x"), "--grouped", "--db", story_db[0]
    )
    assert code == 2
    assert "'parquet'; choose one of tsv, csv" in err


# --- PLOVER, CSV, GeoJSON, negated default (issue 18) ---------------------------------------


@pytest.mark.parametrize(
    ("cameo", "plover", "cameo_quad", "plover_quad"),
    [
        ("081", "CONCEDE", 2, 1),  # CAMEO counts yielding as material; PLOVER as verbal
        ("163", "SANCTION", 4, 4),  # PLOVER's SANCTION section: material conflict
        ("057", "AGREE", 1, 1),
        ("120", "REJECT", 3, 3),
        ("145", "PROTEST", 4, 4),
    ],
)
def test_plover_quad_code_is_the_plover_manuals(
    cameo: str, plover: str, cameo_quad: int, plover_quad: int
) -> None:
    event = _one_event(cameo=cameo, root=cameo[:2], plover=plover, quad_class=cameo_quad)
    assert plover_record(event)["quad_code"] == plover_quad


def test_plover_jsonl_quad_codes_read_back(db: tuple[str, Store, Counts], tmp_path: Path) -> None:
    lines = _export(db, tmp_path, "jsonl").read_text(encoding="utf-8").splitlines()
    quads = {(r["event"][0], r["quad_code"]) for r in map(json.loads, lines)}
    assert quads == {("CONSULT", 1), ("COERCE", 4), ("AGREE", 1)}


def test_csv_codes_stay_text_in_pandas_and_pyarrow(
    db: tuple[str, Store, Counts], tmp_path: Path
) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    path = _export(db, tmp_path, "csv")
    # The README's recipe: the text columns as strings, every other column inferred.
    frame = pd.read_csv(path, dtype=CSV_TEXT_COLUMNS)
    tehran = frame[frame["source"] == "IRNGOV"].iloc[0]
    assert (tehran["cameo"], tehran["root"], tehran["date"]) == ("043", "04", "2024-01-02")
    assert frame["goldstein"].dtype == "float64"
    assert sorted(set(frame["root"])) == ["04", "05", "11", "17"]
    types = {k: pa.string() for k in CSV_TEXT_COLUMNS}
    table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(column_types=types))
    assert sorted(set(table.column("cameo").to_pylist())) == ["043", "057", "111", "173"]
    # Text cells are quoted (spreadsheets that take quoted fields as text keep the zeros).
    first = path.read_text(encoding="utf-8").splitlines()[1]
    assert first.startswith('"')
    assert ',"057","05",' in first


def test_geojson_says_what_it_left_out(db: tuple[str, Store, Counts], tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    written = export_store(db[1], "geojson", path)
    collection = json.loads(path.read_text(encoding="utf-8"))
    kept = db[2].located - db[2].negated
    affirmed = db[2].events - db[2].negated
    assert collection["metadata"] == {
        "features": kept,
        "left_out_without_coordinates": affirmed - kept,
    }
    assert (written.records, written.left_out) == (kept, affirmed - kept)
    # The geojson package's validator (RFC 7946 structure and positions) accepts the file.
    parsed = geojson.loads(path.read_text(encoding="utf-8"))
    assert parsed.is_valid, parsed.errors()
    paris = next(f for f in parsed["features"] if f["properties"]["location_name"] == "Paris")
    assert paris["geometry"]["coordinates"] == [2.35, 48.85]  # [lon, lat], RFC 7946
    code, stdout, err = run("export", "-f", "geojson", "-o", str(path), "--db", db[0])
    assert code == 0, err
    assert f"{kept} records written" in stdout
    assert f"warning: {affirmed - kept} events left out without coordinates" in err


def test_web_csv_link_leaves_denied_events_out_as_the_cli_does(
    db: tuple[str, Store, Counts], tmp_path: Path
) -> None:
    import re

    with TestClient(create_app(db[1]), base_url="http://127.0.0.1") as client:
        html = client.get("/events", params={"source": "RUS"}).text
        href = re.search(r'id="download-csv" href="([^"]+)"', html)
        assert href is not None
        web_rows = client.get(href.group(1).replace("&amp;", "&")).text.strip().splitlines()
    out = tmp_path / "cli.csv"
    code, _, err = run("export", "-f", "csv", "-o", str(out), "--source", "RUS", "--db", db[0])
    assert code == 0, err
    cli_rows = out.read_text(encoding="utf-8").strip().splitlines()
    # The only RUS event is the denied attack: neither export has it.
    assert web_rows == cli_rows == [cli_rows[0]]


def test_export_api_writes_grouped_rows_and_refuses_them_for_geojson(
    story_db: tuple[str, Store],
) -> None:
    with TestClient(create_app(story_db[1]), base_url="http://127.0.0.1") as client:
        response = client.get("/api/export", params={"format": "csv", "grouped": True})
        assert response.status_code == 200
        lines = response.text.strip().splitlines()
        assert lines[0] == ",".join(f'"{c}"' for c in EVENT_GROUP_COLUMNS)
        assert len(lines) == 2
        refused = client.get("/api/export", params={"format": "geojson", "grouped": True})
        assert refused.status_code == 422
        assert refused.json()["detail"][0]["loc"] == ["query", "grouped"]


def test_parquet_values_read_back_exactly_in_pyarrow_and_pandas(
    db: tuple[str, Store, Counts], tmp_path: Path
) -> None:
    table = pq.read_table(_export(db, tmp_path, "parquet"))
    assert str(table.schema.field("cameo").type) == "string"
    assert str(table.schema.field("quad_class").type) == "int8"
    rows = table.to_pylist()
    tehran = next(r for r in rows if r["source"] == "IRNGOV")
    assert (tehran["cameo"], tehran["root"], tehran["date"]) == ("043", "04", dt.date(2024, 1, 2))
    assert (tehran["location_country"], tehran["lat"], tehran["lon"]) == ("IRN", 35.69, 51.42)
    assert (tehran["quad_class"], tehran["goldstein"], tehran["negated"]) == (1, 2.8, False)
    frame = table.to_pandas()
    assert sorted(set(frame["cameo"])) == ["043", "057", "111", "173"]


def test_graphml_values_read_back_exactly_in_networkx(
    db: tuple[str, Store, Counts], tmp_path: Path
) -> None:
    graph = nx.read_graphml(_export(db, tmp_path, "graphml"))
    assert graph.nodes["IRNGOV"] == {"name": "Ali Shamkhani", "country": "IRN"}
    assert graph["IRNGOV"]["RUSGOV"] == {
        "weight": 1, "goldstein": 2.8, "first": "2024-01-02", "last": "2024-01-02"
    }  # fmt: skip
    assert graph["TUR"]["LBY"]["first"] == "2023-01-01"


def test_events_grouped_csv_has_the_same_columns_as_the_grouped_export(
    story_db: tuple[str, Store],
) -> None:
    code, stdout, err = run("events", "--grouped", "--format", "csv", "--db", story_db[0])
    assert code == 0, err
    frame = pd.read_csv(io.StringIO(stdout), dtype={"cameo": str})
    assert tuple(frame.columns) == EVENT_GROUP_COLUMNS
    assert frame[["cameo", "mentions", "sources", "articles"]].values.tolist() == [["040", 3, 2, 2]]


def test_events_csv_on_stdout_is_the_export_csv(
    db: tuple[str, Store, Counts], tmp_path: Path
) -> None:
    code, stdout, err = run("events", "--format", "csv", "--no-negated", "--db", db[0])
    assert code == 0, err
    exported = _export(db, tmp_path, "csv").read_text(encoding="utf-8")
    assert stdout.replace("\r\n", "\n") == exported.replace("\r\n", "\n")
