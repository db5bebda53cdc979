"""The command line as a user runs it: real files in, a real SQLite file, output parsed back."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO, SAMPLES, SEED
from typer.testing import CliRunner

from eventwire import __version__
from eventwire.cli import app
from eventwire.ingest import ingest
from eventwire.store import open_store

runner = CliRunner()


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_cli_version_prints_package_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"eventwire {__version__}"


def test_ingest_seed_twice_stores_it_once(db_url: str) -> None:
    code, _, err = run("ingest", str(SEED), "--db", db_url, "--quiet")
    assert code == 0, err
    assert "new 1" in err
    code, _, err = run("ingest", str(SEED), "--db", db_url, "--quiet")
    assert code == 0, err
    assert "new 0" in err
    assert "duplicate 1" in err
    assert "nothing new" in err
    code, out, _ = run("articles", "--format", "jsonl", "--db", db_url)
    assert code == 0
    assert len(out.splitlines()) == 1


def test_articles_jsonl_shows_seed_metadata(db_url: str) -> None:
    run("ingest", str(SEED), "--db", db_url, "-q")
    _, out, _ = run("articles", "--format", "jsonl", "--db", db_url)
    article = json.loads(out)
    assert article["id"] == "tabnak-837703"
    assert article["news_code"] == "837703"
    assert article["published"] == "2018-09-27T16:54:00+03:30"
    assert article["source"] == "Tabnak"
    assert article["tags"] == ["iran", "security", "shamkhani", "russia", "china"]
    lead_start = "Facing increasing pressures by the United States"
    assert article["lead"].startswith(lead_start)
    # The text opens with the lead, once; the lead is also kept apart as metadata.
    assert article["text"].startswith(article["lead"] + "\n\n")
    assert article["text"].count(lead_start) == 1
    assert not re.search(r"[\u0600-\u06ff]", article["text"])
    assert "Tabnak –" not in article["text"]


@pytest.fixture(scope="module")
def wikinews_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The Wikinews sample stored once for the listing tests, uncoded (they test listing only)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('wikinews') / 'w.db'}"
    with open_store(url) as store:
        summary = ingest([SAMPLES / "wikinews" / "articles.jsonl"], store, stages=[])
    assert summary.new == 292
    return url


def test_articles_filters_and_streams_every_row(wikinews_db: str) -> None:
    db_url = wikinews_db
    _, out, _ = run("articles", "--format", "jsonl", "--db", db_url)
    assert len(out.splitlines()) == 292  # no default limit when streaming
    _, out, _ = run(
        "articles",
        "--since",
        "2020-01-01",
        "--until",
        "2020-01-31",
        "--format",
        "csv",
        "--db",
        db_url,
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    assert all("2020-01-01" <= row["published"][:10] <= "2020-01-31" for row in rows)
    _, out, _ = run("articles", "--search", "earthquake", "--format", "jsonl", "--db", db_url)
    found = [json.loads(line) for line in out.splitlines()]
    assert found
    assert all("earthquake" in (a["title"] + a["text"]).lower() for a in found)


def test_articles_table_says_how_many_more(wikinews_db: str) -> None:
    code, out, _ = run("articles", "--limit", "3", "--db", wikinews_db)
    assert code == 0
    assert "3 of 292 shown" in out


def test_ingest_bad_records_reports_them_and_keeps_the_rest(db_url: str, tmp_path: Path) -> None:
    good = {
        "id": "a1",
        "title": "Talks",
        "text": "Iran and Russia held talks.",
        "published": "2020-01-02",
    }
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps(good)
        + "\n"
        + '{"id": "a2", "text": "trunc'
        + "\n"
        + json.dumps({"id": "a3", "text": ["not", "a", "string"]})
        + "\n"
        + json.dumps({**good, "id": "a4"})
        + "\n",
        encoding="utf-8",
    )
    code, _, err = run("ingest", str(path), "--db", db_url, "-q")
    assert code == 1
    assert f"{path}:2" in err
    assert f"{path}:3" in err
    assert "text" in err
    _, out, _ = run("articles", "--format", "jsonl", "--db", db_url)
    assert sorted(json.loads(line)["id"] for line in out.splitlines()) == ["a1", "a4"]


def test_ingest_failure_never_changes_stored_articles(db_url: str, tmp_path: Path) -> None:
    run("ingest", str(SEED), "--db", db_url, "-q")
    _, before, _ = run("show", "tabnak-837703", "--format", "json", "--db", db_url)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    code, _, err = run("ingest", str(bad), str(SEED), "--db", db_url, "-q")
    assert code == 1
    assert str(bad) in err
    _, after, _ = run("show", "tabnak-837703", "--format", "json", "--db", db_url)
    assert after == before


def test_ingest_reads_stdin(db_url: str) -> None:
    line = json.dumps({"id": "s1", "text": "The army shelled the town.", "title": "Shelling"})
    code, _, err = run("ingest", "-", "--format", "jsonl", "--db", db_url, "-q", stdin=line + "\n")
    assert code == 0, err
    _, out, _ = run("show", "s1", "--format", "json", "--db", db_url)
    assert json.loads(out)["title"] == "Shelling"


def test_show_prints_the_seed_lead_once(db_url: str) -> None:
    run("ingest", str(SEED), "--db", db_url, "-q")
    code, out, _ = run("show", "tabnak-837703", "--db", db_url)
    assert code == 0
    # The console wraps lines; compare words.
    words = " ".join(out.replace("│", " ").split())
    assert words.count("Facing increasing pressures by the United States") == 1


def test_show_prints_a_record_lead_apart_from_the_text(db_url: str) -> None:
    line = json.dumps(
        {"id": "l1", "lead": "Lead words here.", "text": "The army shelled the town."}
    )
    run("ingest", "-", "--format", "jsonl", "--db", db_url, "-q", stdin=line + "\n")
    code, out, _ = run("show", "l1", "--db", db_url)
    assert code == 0
    words = " ".join(out.replace("│", " ").split())
    assert "Lead words here. The army shelled the town." in words


def test_show_unknown_id_fails_clearly(empty_db: str) -> None:
    code, _, err = run("show", "nope", "--db", empty_db)
    assert code == 1
    assert "no article with id 'nope'" in err


def test_bad_format_option_is_rejected(db_url: str) -> None:
    code, _, err = run("articles", "--format", "xml", "--db", db_url)
    assert code == 2
    assert "xml" in err


@pytest.mark.parametrize(
    "command",
    [
        "ingest",
        "articles",
        "show",
        "actors",
        "code",
        "events",
        "explain",
        "eval",
        "stories",
        "serve",
        "export",
        "reprocess",
    ],
)
def test_readme_documents_every_option(command: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    _, out, _ = run(command, "--help")
    options = set(re.findall(r"(--[a-z][a-z-]+)", out)) - {"--help"}
    missing = sorted(opt for opt in options if opt not in readme)
    assert not missing, f"README does not document {command} {missing}"


def test_installed_entry_point_runs() -> None:
    exe = Path(sys.executable).with_name("eventwire")
    result = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "ingest" in result.stdout


@pytest.mark.slow
def test_actors_jsonl_codes_the_seed_persons() -> None:
    code, out, err = run("actors", str(SEED), "--format", "jsonl")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    by_name = {row["name"]: row for row in rows}
    assert by_name["Ali Shamkhani"]["code"] == "IRNGOV"
    assert all(row["doc_id"] == "tabnak-837703" for row in rows)
    mentions = {m["text"] for m in by_name["Ali Shamkhani"]["mentions"]}
    assert "Iran’s top security official" in mentions


@pytest.mark.slow
def test_actors_published_option_dates_articles_without_one(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "p", "text": "Vladimir Putin met the press."}) + "\n")
    _, before, _ = run("actors", str(path), "--format", "jsonl", "--published", "1998-01-01")
    _, after, _ = run("actors", str(path), "--format", "jsonl", "--published", "2019-01-01")
    code_on = {
        label: {json.loads(line)["name"]: json.loads(line)["code"] for line in text.splitlines()}
        for label, text in (("1998", before), ("2019", after))
    }
    assert code_on["1998"]["Vladimir Putin"] != code_on["2019"]["Vladimir Putin"]
    assert code_on["2019"]["Vladimir Putin"] == "RUSGOV"


@pytest.mark.slow
def test_ingest_stores_actors_with_mentions(db_url: str) -> None:
    run("ingest", str(SEED), "--db", db_url, "-q")
    with open_store(db_url) as store:
        actors = {a.name: a for a in store.get_actors("tabnak-837703")}
    assert actors["Israel"].code == "ISR"
    assert "the Zionist regime" in {m.text for m in actors["Israel"].mentions}
    assert actors["Ali Shamkhani"].resolved_by == "role"


@pytest.mark.slow
def test_actors_user_dictionary_codes_an_unknown_person(tmp_path: Path) -> None:
    dictionary = tmp_path / "people.yaml"
    dictionary.write_text("- name: Jane Example\n  code: GBRGOV\n", encoding="utf-8")
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"id": "d", "text": "Jane Example met reporters."}) + "\n")
    code, out, err = run("actors", str(article), "--format", "jsonl", "--dict", str(dictionary))
    assert code == 0, err
    rows = {json.loads(line)["name"]: json.loads(line) for line in out.splitlines()}
    assert rows["Jane Example"]["code"] == "GBRGOV"
    assert rows["Jane Example"]["resolved_by"] == "dictionary"


def test_bad_user_dictionary_names_file_and_line(tmp_path: Path) -> None:
    dictionary = tmp_path / "bad.yaml"
    dictionary.write_text("- name: X\n  code: '!!'\n", encoding="utf-8")
    code, _, err = run("actors", str(SEED), "--dict", str(dictionary))
    assert code == 2
    assert f"{dictionary}:2" in err
