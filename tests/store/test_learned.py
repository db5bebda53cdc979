"""The learned actor registry across the store: a person coded by a title in one article codes
the bare name in later ones, bounded in time, under a user dictionary, kept consistent when
articles are recoded or deleted, listed and exported by `eventwire actors --learned`.

"Walter Brenneman" is an invented ambassador: no shipped layer knows him (checked below), so
every code he gets here comes from the text or from the registry.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from eventwire.actors import learned
from eventwire.actors.lexicon import DICT_ENV
from eventwire.cli import app
from eventwire.ingest import ingest, reprocess
from eventwire.records import Actor
from eventwire.store import CodedParts, Store, open_store

pytestmark = pytest.mark.slow  # the spaCy model

TITLED = (
    "US Ambassador to Hungary Walter Brenneman met Hungarian Prime Minister Viktor Orban "
    "in Budapest on Monday."
)
BARE = "Walter Brenneman criticized the Hungarian government on Tuesday."
# (id, text, publication day) records.
A1 = ("a1", TITLED, "2017-03-06")
B1 = ("b1", BARE, "2017-05-09")
B2023 = ("b2023", BARE, "2023-05-09")


def _write(folder: Path, name: str, *records: tuple[str, str, str]) -> Path:
    """A JSONL file of (id, text, publication day) records."""
    path = folder / name
    lines = (json.dumps({"id": i, "text": body, "published": day}) for i, body, day in records)
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def _ingest(store: Store, path: Path, workers: int = 1) -> None:
    summary = ingest([path], store, workers=workers)
    assert summary.ok, summary.failures


def _brenneman(store: Store, article_id: str) -> Actor:
    return next(a for a in store.get_actors(article_id) if a.name == "Walter Brenneman")


def _sources(store: Store, article_id: str) -> list[str]:
    return [e.source for e in store.iter_events() if e.doc_id == article_id]


@pytest.fixture
def titled(tmp_path: Path) -> Path:
    return _write(tmp_path, "titled.jsonl", A1)


def test_the_name_is_unknown_without_the_registry(tmp_path: Path) -> None:
    path = _write(tmp_path, "bare.jsonl", B1)
    result = CliRunner().invoke(app, ["actors", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    person = next(json.loads(line) for line in result.stdout.splitlines() if "Brenneman" in line)
    assert (person["code"], person["resolved_by"]) == ("", "ner")


def test_a_title_teaches_the_bare_name_of_a_later_run_within_its_window(
    store_url: str, titled: Path, tmp_path: Path
) -> None:
    bare = _write(tmp_path, "bare.jsonl", B1, B2023)
    with open_store(store_url) as store:
        _ingest(store, titled)
        _ingest(store, bare)
        actor = _brenneman(store, "b1")
        assert (actor.code, actor.resolved_by) == ("USAGOV", "learned")
        assert "e.g. a1, sentence 0, 25..41" in (actor.detail or "")
        assert {m.resolved_by for m in actor.mentions} == {"learned"}
        assert _sources(store, "b1") == ["USAGOV"]
        # Six years on, the 2017 role is not used without new support.
        late = _brenneman(store, "b2023")
        assert (late.code, late.resolved_by) == ("", "ner")
        assert _sources(store, "b2023") == []
        # The learned code is not learned again: the registry's support is a1 alone.
        [code] = store.learned_codes()
        assert (code.name, code.code, code.articles, code.example.article_id) == (
            "walter brenneman",
            "USAGOV",
            1,
            "a1",
        )


def test_one_worker_learns_within_the_run(store_url: str, tmp_path: Path) -> None:
    both = _write(tmp_path, "both.jsonl", A1, B1)
    with open_store(store_url) as store:
        _ingest(store, both)
        assert _brenneman(store, "b1").resolved_by == "learned"


def test_worker_processes_get_the_snapshot(sqlite_url: str, titled: Path, tmp_path: Path) -> None:
    bare = _write(tmp_path, "bare.jsonl", B1)
    with open_store(sqlite_url) as store:
        _ingest(store, titled)
        _ingest(store, bare, workers=2)
        assert _brenneman(store, "b1").code == "USAGOV"


def test_a_user_dictionary_wins(
    store_url: str, titled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = _write(tmp_path, "bare.jsonl", B1)
    people = tmp_path / "people.yaml"
    people.write_text("- name: Walter Brenneman\n  code: CANGOV\n", encoding="utf-8")
    with open_store(store_url) as store:
        _ingest(store, titled)
        monkeypatch.setenv(DICT_ENV, str(people))
        _ingest(store, bare)
        actor = _brenneman(store, "b1")
        assert (actor.code, actor.resolved_by) == ("CANGOV", "dictionary")


def test_recoding_and_deleting_keep_the_support_consistent(store_url: str, tmp_path: Path) -> None:
    # The bare article first: nothing to learn from yet.
    bare = _write(tmp_path, "bare.jsonl", B1)
    titled = _write(
        tmp_path,
        "titled.jsonl",
        A1,
        ("a2", TITLED.replace("Monday", "Friday"), "2017-04-07"),
    )
    with open_store(store_url) as store:
        _ingest(store, bare)
        assert _brenneman(store, "b1").code == ""
        _ingest(store, titled)
        [code] = store.learned_codes()
        assert (code.first, code.last, code.articles) == (
            dt.date(2017, 3, 6),
            dt.date(2017, 4, 7),
            2,
        )
        # Reprocessing codes it from what was stored meanwhile.
        assert reprocess(["b1"], store).recoded == 1
        assert _brenneman(store, "b1").resolved_by == "learned"
        # Recoding an article that now says less takes its support away ...
        with store.engine.begin() as conn:
            conn.execute(
                text("UPDATE articles SET text = :body WHERE id = 'a2'"),
                {"body": "Walter Brenneman met Viktor Orban in Budapest on Friday."},
            )
        assert reprocess(["a2"], store).recoded == 1
        [code] = store.learned_codes()
        assert (code.last, code.articles) == (dt.date(2017, 3, 6), 1)
        # ... and so does a recoding with nothing in it, or deleting the article.
        assert store.recode_article("a1", CodedParts())
        assert store.learned_codes() == []
        reprocess(["a1"], store)
        assert len(store.learned_codes()) == 1
        with store.engine.begin() as conn:
            conn.execute(text("DELETE FROM articles WHERE id = 'a1'"))
        assert store.learned_codes() == []
        reprocess(["b1"], store)
        assert _brenneman(store, "b1").code == ""


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_actors_learned_lists_and_exports_the_registry(
    store_url: str, titled: Path, tmp_path: Path
) -> None:
    with open_store(store_url) as store:
        _ingest(store, titled)
    assert _run("actors", "--learned", "--db", store_url, "--format", "csv") == (
        "name,code,first,last,articles,from,until,"
        "example_article,example_sentence,example_start,example_end\n"
        "Walter Brenneman,USAGOV,2017-03-06,2017-03-06,1,2016-12-06,2019-03-06,a1,0,25,41\n"
    )
    assert json.loads(_run("actors", "--learned", "--db", store_url, "--format", "jsonl")) == {
        "name": "Walter Brenneman",
        "code": "USAGOV",
        "first": "2017-03-06",
        "last": "2017-03-06",
        "articles": 1,
        "from": "2016-12-06",
        "until": "2019-03-06",
        "example_article": "a1",
        "example_sentence": 0,
        "example_start": 25,
        "example_end": 41,
    }
    table = _run("actors", "--learned", "--db", store_url)
    assert "Brenneman" in table
    assert "USAGOV" in table
    # The export is a user dictionary: without a store, `code --dict` codes as the registry did.
    bare = _write(tmp_path, "bare.jsonl", B1, B2023)
    for name in ("learned.yaml", "learned.csv"):
        exported = tmp_path / name
        _run("actors", "--learned", "--db", store_url, "--export", str(exported))
        events = [json.loads(line) for line in _run(
            "code", str(bare), "--dict", str(exported), "--format", "jsonl"
        ).splitlines()]  # fmt: skip
        assert [(e["doc_id"], e["source"], e["cameo"]) for e in events] == [("b1", "USAGOV", "111")]


def test_actors_learned_refuses_files_and_export_needs_learned(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["actors", "--learned", "x.txt"]).exit_code == 2
    assert runner.invoke(app, ["actors", "x.txt", "--export", "y.yaml"]).exit_code == 2
    db = f"sqlite:///{tmp_path / 'e.db'}"
    result = runner.invoke(app, ["actors", "--learned", "--db", db, "--export", "x.txt"])
    assert result.exit_code == 2
    assert not learned.in_force()
