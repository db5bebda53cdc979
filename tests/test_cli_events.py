"""Event commands as a user runs them: code without a database, ingest, list, explain, eval."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from tests.conftest import EVAL_DATA, SEED
from typer.testing import CliRunner

from eventwire.cli import EVENT_COLUMNS, app

pytestmark = pytest.mark.slow
runner = CliRunner()

CONTRACT_KEYS = set(EVENT_COLUMNS)


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_code_jsonl_emits_the_record_contract_with_the_input_id() -> None:
    line = json.dumps(
        {
            "id": "n1",
            "text": "Russian troops attacked Ukrainian positions.",
            "published": "2022-03-01",
        }
    )
    code, out, err = run("code", "-", "--format", "jsonl", "--input-format", "jsonl", stdin=line)
    assert code == 0, err
    events = [json.loads(row) for row in out.splitlines()]
    assert events
    for event in events:
        assert set(event) == CONTRACT_KEYS
        assert event["doc_id"] == "n1"
        assert event["date"] == "2022-03-01"


def test_code_published_option_dates_undated_input(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Talks\n\nFrance condemned Iran over the arrest.\n", encoding="utf-8")
    code, out, err = run("code", str(path), "--format", "jsonl", "--published", "2020-05-04")
    assert code == 0, err
    assert {json.loads(row)["date"] for row in out.splitlines()} == {"2020-05-04"}


def test_code_csv_has_a_header_of_contract_columns() -> None:
    code, out, _ = run("code", str(SEED), "--format", "csv")
    assert code == 0
    # Read as CSV: text cells, the header's too, are quoted (codes like 043 stay text).
    assert next(csv.reader(io.StringIO(out))) == list(EVENT_COLUMNS)


def test_ingest_then_events_filters_and_explain(db_url: str) -> None:
    assert run("ingest", str(SEED), "--db", db_url, "-q")[0] == 0
    _, out, _ = run("events", "--format", "jsonl", "--db", db_url)
    stored = [json.loads(row) for row in out.splitlines()]
    assert stored
    _, out, _ = run("events", "--source", "IRN", "--format", "jsonl", "--db", db_url)
    from_iran = [json.loads(row) for row in out.splitlines()]
    assert from_iran
    assert all(e["source"].startswith("IRN") for e in from_iran)
    assert len(from_iran) < len(stored)
    event = from_iran[0]
    code, out, err = run("explain", event["event_id"], "--db", db_url)
    assert code == 0, err
    assert event["text"][:40] in out
    assert "rule:" in out
    code, out, _ = run("explain", event["event_id"], "--format", "json", "--db", db_url)
    report = json.loads(out)
    assert report["source"]["code"] == event["source"]
    assert report["sentence"]["index"] == event["sentence"]


def test_explain_unknown_event_fails_clearly(empty_db: str) -> None:
    code, _, err = run("explain", "nope", "--db", empty_db)
    assert code == 1
    assert "no event with id 'nope'" in err


def test_eval_seed_prints_scores() -> None:
    gold = EVAL_DATA / "tabnak-837703.gold.json"
    code, out, err = run("eval", str(gold), "--set", "seed", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["set_name"] == "seed"
    assert 0.0 <= report["f1"] <= 1.0
    assert report["tp"] + report["fn"] == 12  # the twelve core events


def test_eval_unknown_set_is_rejected() -> None:
    gold = EVAL_DATA / "tabnak-837703.gold.json"
    code, _, err = run("eval", str(gold), "--set", "gdelt")
    assert code == 2
    assert "gdelt" in err
