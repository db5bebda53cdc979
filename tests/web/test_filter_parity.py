"""One EventFilter behind `eventwire events`, `eventwire export`, /api/events and /api/export:
the same filter, given in each one's own spelling, picks the same events in the same order, on
SQLite and (with EVENTWIRE_TEST_PG_URL) PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.store.conftest import BACKENDS, _database
from tests.web.builders import Counts, fill
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import Store, open_store
from eventwire.web import create_app

runner = CliRunner()


@pytest.fixture(scope="module", params=BACKENDS)
def filled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, Counts]]:
    """The web tests' records, once per backend (the filters are SQL: both must agree)."""
    with (
        _database(request.param, tmp_path_factory.mktemp("parity")) as url,
        open_store(url) as store,
    ):
        yield store, fill(store)


@pytest.fixture(scope="module")
def client(filled: tuple[Store, Counts]) -> Iterator[TestClient]:
    with TestClient(create_app(filled[0])) as test_client:
        yield test_client


# (API parameters, the expected event ids): each filter field at least once, codes in lower
# case (prefixes, upper-cased everywhere), a one-digit root, dates, search and negation.
CASES: list[tuple[dict[str, str], list[str]]] = [
    ({"source": "irn"}, ["a1-0000000000000"]),
    ({"actor": "RU", "negated": "true"}, ["a1-0001000000000"]),
    ({"actor": "RU", "negated": "false"}, ["a1-0000000000000"]),
    ({"target": "fra", "cameo": "17"}, ["a2-0000000000000"]),
    (
        {"root": "5", "since": "2023-01-03", "until": "2023-01-06"},
        ["a4-0001000000000", "a4-0002000000000"],
    ),
    (
        {"root": "05", "since": "2023-01-03", "until": "2023-01-06"},
        ["a4-0001000000000", "a4-0002000000000"],
    ),
    ({"plover": "agree", "q": "Libya", "until": "2023-01-02"}, ["a4-0000000000000"]),
    ({"article": "a1"}, ["a1-0000000000000", "a1-0001000000000"]),
    ({"q": "trade row"}, ["a3-0000000000000"]),
    # Where the event took place (the place's country, not an actor's).
    ({"country": "irn"}, ["a1-0000000000000", "a1-0001000000000"]),
    ({"country": "CHN"}, ["a3-0000000000000"]),
    ({"quad": "4"}, ["a1-0001000000000", "a2-0000000000000"]),
    ({"quad": "4", "negated": "false"}, ["a2-0000000000000"]),
    # Goldstein bounds are inclusive: -5.0 and -2.0 are in, -10.0 and 2.8 out.
    ({"goldstein_min": "-5", "goldstein_max": "-2"}, ["a2-0000000000000", "a3-0000000000000"]),
    ({"goldstein_min": "7.85"}, ["a4-0000000000000", "a4-0001000000000"]),
    ({"outlet": "tabnak"}, ["a1-0000000000000", "a1-0001000000000"]),
    ({"outlet": "WIRE", "until": "2023-01-03"}, ["a4-0000000000000", "a4-0001000000000"]),
    # Prefix (the default) finds IRNGOV under IRN; exact finds only the code itself.
    ({"actor": "IRN"}, ["a1-0000000000000", "a1-0001000000000"]),
    ({"actor": "IRN", "match": "exact"}, ["a1-0001000000000"]),
    ({"source": "IRN", "match": "exact"}, []),
    ({"source": "irngov", "match": "exact"}, ["a1-0000000000000"]),
]


def _cli_args(params: dict[str, str]) -> list[str]:
    args = []
    for name, value in params.items():
        if name == "negated":
            args.append("--negated" if value == "true" else "--no-negated")
        else:
            args += ["--search" if name == "q" else f"--{name.replace('_', '-')}", value]
    return args


def _cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _csv_ids(text: str) -> list[str]:
    return [row["event_id"] for row in csv.DictReader(io.StringIO(text))]


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_one_filter_gives_the_same_events_in_the_cli_the_api_and_exports(
    filled: tuple[Store, object],
    client: TestClient,
    tmp_path: Path,
    params: dict[str, str],
    expected: list[str],
) -> None:
    db = ["--db", filled[0].url]
    listed = _cli("events", *_cli_args(params), "--format", "jsonl", *db)
    cli_ids = [json.loads(line)["event_id"] for line in listed.splitlines()]

    api_ids = [e["event_id"] for e in client.get("/api/events", params=params).json()["items"]]

    # Exports leave denied events out unless asked: ask, so the filter alone decides.
    out = tmp_path / "events.csv"
    _cli("export", "--format", "csv", "--output", str(out), "--include-negated",
         *_cli_args(params), *db)  # fmt: skip
    export_ids = _csv_ids(out.read_text(encoding="utf-8"))

    response = client.get("/api/export", params={**params, "include_negated": "true"})
    assert response.status_code == 200
    api_export_ids = _csv_ids(response.text)

    assert cli_ids == api_ids == export_ids == api_export_ids == expected


def test_an_explicit_negated_filter_wins_over_the_export_default(
    filled: tuple[Store, object], client: TestClient, tmp_path: Path
) -> None:
    denied = ["a1-0001000000000"]
    response = client.get("/api/export", params={"negated": "true"})
    assert _csv_ids(response.text) == denied
    out = tmp_path / "denied.csv"
    _cli("export", "--format", "csv", "--output", str(out), "--negated", "--db", filled[0].url)
    assert _csv_ids(out.read_text(encoding="utf-8")) == denied
    # Without a choice, an export leaves the denied event out.
    assert "a1-0001000000000" not in _csv_ids(client.get("/api/export").text)


@pytest.mark.parametrize(
    ("params", "option"),
    [
        ({"source": "IRN%"}, "--source"),
        ({"cameo": "4a"}, "--cameo"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, "--until"),
        ({"country": "IR"}, "--country"),
        ({"quad": "5"}, "--quad"),
        ({"goldstein_min": "-11"}, "--goldstein-min"),
        ({"goldstein_min": "3", "goldstein_max": "-3"}, "--goldstein-max"),
        ({"match": "fuzzy"}, "--match"),
        ({"q": "---"}, "--search"),
    ],
)
def test_a_bad_filter_is_refused_alike_naming_it(
    filled: tuple[Store, object], client: TestClient, params: dict[str, str], option: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", next(reversed(params))]
    result = runner.invoke(app, ["events", *_cli_args(params), "--db", filled[0].url])
    assert result.exit_code == 2
    assert option in result.output


def test_a_search_of_only_ignored_words_is_refused_where_the_database_ignores_them(
    filled: tuple[Store, object], client: TestClient, tmp_path: Path
) -> None:
    store = filled[0]
    message = (
        "'the' has only words the search ignores (such as 'the', 'of', 'or'): add a word to find"
    )
    api = client.get("/api/events", params={"q": "the"})
    articles = client.get("/api/articles", params={"q": "the"})
    cli = runner.invoke(app, ["events", "--search", "the", "--format", "jsonl", "--db", store.url])
    out = tmp_path / "the.csv"
    export = runner.invoke(app, ["export", "-f", "csv", "-o", str(out), "--search", "the",
                                 "--db", store.url])  # fmt: skip
    if store.dialect == "postgresql":
        # PostgreSQL drops English stop words: the search could only ever answer nothing.
        for response in (api, articles):
            assert response.status_code == 422
            assert response.json()["detail"] == [
                {"loc": ["query", "q"], "msg": message, "type": "value_error"}
            ]
        for result in (cli, export):
            assert result.exit_code == 2
            assert " ".join(result.stderr.split()).endswith(
                f"Error: Invalid value for --search: {message}"
            )
        assert not out.exists()
    else:
        # SQLite's FTS5 searches every word: "The United States criticised China".
        assert [e["event_id"] for e in api.json()["items"]] == ["a3-0000000000000"]
        assert [a["id"] for a in articles.json()["items"]] == ["a3"]
        assert [json.loads(line)["event_id"] for line in cli.stdout.splitlines()] == [
            "a3-0000000000000"
        ]
        assert export.exit_code == 0
