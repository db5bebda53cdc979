"""The CLI refuses what cannot be meant: a database that does not exist (for every command that
only reads it, and `serve`), contradictory or negative options; on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import make_url
from tests.store.conftest import BACKENDS, PG_URL, _database
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.cli.common import plain_term
from eventwire.store import open_store

runner = CliRunner()

# Every command that reads a database without adding articles to it, with its other arguments.
READERS = [
    pytest.param(["articles"], id="articles"),
    pytest.param(["show", "a1"], id="show"),
    pytest.param(["events"], id="events"),
    pytest.param(["events", "--grouped"], id="events-grouped"),
    pytest.param(["explain", "e1"], id="explain"),
    pytest.param(["stories"], id="stories"),
    pytest.param(["export", "--format", "csv", "--output", "OUT"], id="export"),
    pytest.param(["actors", "--learned"], id="actors-learned"),
    pytest.param(["reprocess", "--all", "-q"], id="reprocess"),
    pytest.param(["serve", "--port", "8199"], id="serve"),
]


def _run(args: list[str], tmp_path: Path) -> tuple[int, str]:
    result = runner.invoke(app, [a.replace("OUT", str(tmp_path / "out.csv")) for a in args])
    # Rich wraps long lines at the console's width: compare the words.
    return result.exit_code, " ".join(result.stderr.split())


def _missing_message(url: str) -> str:
    return (
        f"error: no eventwire database at {url}; create one by ingesting articles into it: "
        f"eventwire ingest FILES... --db {url}"
    )


@pytest.mark.parametrize("args", READERS)
def test_a_missing_sqlite_file_is_an_error_saying_how_to_create_one(
    tmp_path: Path, args: list[str]
) -> None:
    path = tmp_path / "typo.db"
    url = f"sqlite:///{path}"
    code, err = _run([*args, "--db", url], tmp_path)
    assert (code, err) == (2, _missing_message(url))
    # Nothing was created: not the file, not an empty export.
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_missing_folder_is_not_created_either(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'x.db'}"
    code, err = _run(["events", "--db", url], tmp_path)
    assert (code, err) == (2, _missing_message(url))
    assert not (tmp_path / "no").exists()


@pytest.fixture(params=BACKENDS)
def blank_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database that exists but eventwire never created its tables in: an empty SQLite file,
    or a new PostgreSQL schema."""
    with _database(request.param, tmp_path / "db") as url:
        if request.param == "sqlite":
            (tmp_path / "db").mkdir()
            (tmp_path / "db" / "store.db").touch()
        yield url


@pytest.mark.parametrize("args", READERS)
def test_a_database_without_eventwire_tables_is_missing_too(
    blank_database: str, tmp_path: Path, args: list[str]
) -> None:
    code, err = _run([*args, "--db", blank_database], tmp_path)
    shown = make_url(blank_database).render_as_string(hide_password=True)
    assert (code, err) == (2, _missing_message(shown))
    # The check wrote nothing: the database is as blank as before.
    with pytest.raises(Exception, match="no eventwire database"):
        open_store(blank_database, create=False)


@pytest.mark.skipif(not PG_URL, reason="EVENTWIRE_TEST_PG_URL is not set")
def test_a_postgresql_database_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    url = make_url(PG_URL).set(database="eventwire_no_such_db").render_as_string(False)
    code, err = _run(["events", "--db", url], tmp_path)
    assert code == 2
    assert err.startswith(f"error: cannot open database {url}: ")
    assert 'database "eventwire_no_such_db" does not exist' in err


def test_ingest_still_creates_a_new_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'fresh.db'}"
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "n1", "text": "Hello.", "published": "2024-01-01"}\n')
    result = runner.invoke(app, ["ingest", str(source), "--db", url, "-q", "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    code, err = _run(["articles", "--format", "csv", "--db", url], tmp_path)
    assert (code, err) == (0, "")


@pytest.fixture
def store_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    open_store(url).close()
    return url


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["events", "--since", "2021-01-01", "--until", "2019-01-01"],
            "Invalid value for --until: until (2019-01-01) is before since (2021-01-01)",
        ),
        (
            ["export", "-f", "csv", "-o", "OUT", "--since", "2021-01-01", "--until", "2019-01-01"],
            "Invalid value for --until: until (2019-01-01) is before since (2021-01-01)",
        ),
        (
            ["articles", "--since", "2021-01-01", "--until", "2019-01-01"],
            "Invalid value for --until: until (2019-01-01) is before since (2021-01-01)",
        ),
        (
            ["articles", "--search", "---"],
            "Invalid value for --search: '---' has no word to search for (give letters or digits)",
        ),
        (
            ["events", "--goldstein-min", "5", "--goldstein-max", "-5"],
            "Invalid value for --goldstein-max: -5 is below the lowest score asked for (5)",
        ),
        (
            ["events", "--quad", "0"],
            "Invalid value for --quad: 0 is not a quad class (1, 2, 3 or 4)",
        ),
        (
            ["events", "--limit", "-1"],
            "Invalid value for '--limit': Input should be greater than or equal to 0",
        ),
        (
            ["articles", "--limit", "-1"],
            "Invalid value for '--limit': Input should be greater than or equal to 0",
        ),
        (
            ["stories", "--min-size", "0"],
            "Invalid value for '--min-size': Input should be greater than or equal to 1",
        ),
    ],
)
def test_contradictory_or_negative_options_are_refused(
    store_db: str, tmp_path: Path, args: list[str], message: str
) -> None:
    code, err = _run([*args, "--db", store_db], tmp_path)
    assert code == 2
    assert err.endswith(f"Error: {message}")
    assert not (tmp_path / "out.csv").exists()


COMMANDS = ["ingest", "articles", "show", "events", "explain", "stories", "export", "actors",
            "code", "reprocess", "eval", "serve"]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_values_in_words_not_python_types(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert re.findall(r"<[^<>\s]+(?: range)?>", result.stdout) == []
    assert "list[" not in result.stdout


def test_help_rows_read_as_values(tmp_path: Path) -> None:
    ingest = runner.invoke(app, ["ingest", "--help"]).stdout
    assert re.search(r"^  paths\.\.\.  Files or folders to read", ingest, re.M)
    assert re.search(r"^  --dict PATH  +User actor dictionary", ingest, re.M)
    assert re.search(r"^  --workers N  +Processes that code", ingest, re.M)
    events = runner.invoke(app, ["events", "--help"]).stdout
    assert re.search(r"^  --since YYYY-MM-DD  +A day, YYYY-MM-DD", events, re.M)
    assert re.search(r"^  --limit N  +At most this many rows", events, re.M)
    assert re.search(r"^  --goldstein-min SCORE  +Lowest Goldstein score", events, re.M)
    assert re.search(r"^  --db TEXT  +Database URL", events, re.M)


@pytest.mark.parametrize(
    ("term", "plain"),
    [
        ("--db <str>", "--db TEXT"),
        ("-f, --format <str>", "-f, --format TEXT"),
        ("--workers <int range>", "--workers N"),
        ("--max-seconds <float range>", "--max-seconds NUMBER"),
        ("--dict <list[Path]>", "--dict PATH"),
        ("--published <%Y-%m-%d|%Y-%m-%dT%H:%M:%S%z>", "--published YYYY-MM-DD"),
        ("paths... <list[str]>", "paths..."),
        ("ID <str>", "ID"),
        ("--country ISO3", "--country ISO3"),
        ("--negated / --no-negated", "--negated / --no-negated"),
    ],
)
def test_plain_term(term: str, plain: str) -> None:
    assert plain_term(term) == plain
