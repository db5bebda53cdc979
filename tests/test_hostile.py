"""The hostile input corpus (tests/fixtures/hostile): a clear error or a clean read for each."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import REPO
from typer.testing import CliRunner

from eventwire.clean import clean_text
from eventwire.cli import app
from eventwire.store import open_store

HOSTILE = REPO / "tests" / "fixtures" / "hostile"

# (file, a fragment of the failure it must report); a file may appear more than once.
FAILURES = [
    ("binary.png", "binary file"),
    ("nul-bytes.txt", "binary file"),
    ("invalid-utf8.txt:3", "not valid UTF-8"),
    ("overlong-utf8.txt:3", "not valid UTF-8"),
    ("invalid-utf8.jsonl:2", "not valid UTF-8"),
    ("zero-width-only.jsonl:1 [text]", "text is empty"),
    ("empty.txt", "empty file"),
    ("empty.jsonl", "empty file"),
    ("whitespace-only.txt", "empty file"),
    ("bom-only.txt", "empty file"),
    ("empty.html:1", "no article text"),
    ("empty-feed.xml", "no entries"),
    ("scraped-garbage.txt", "no article text"),
    ("wrong-types.jsonl:1 [text]", "not an integer"),
    ("wrong-types.jsonl:4 [id]", "not a list"),
    ("wrong-types.jsonl:6 [published]", "not an integer"),
    ("wrong-types.jsonl:7 [tags]", "list of strings"),
    ("wrong-types.jsonl:15", "got null"),
    ("wrong-types.jsonl:18", "invalid JSON"),
    ("wrong-types.json:1 [text]", "not an integer"),
    ("lone-surrogate.jsonl:2 [id]", "lone surrogate"),
    ("deep-json.jsonl:2", "nested too deeply"),
    ("deep-array.json:1", "nested too deeply"),
    ("deep-html.html:1", "no article text"),
    ("deep-unclosed.html:1", "no article text"),
    ("csv-bad.csv:3", "bad CSV"),
    ("huge-line.jsonl:2", "over the 2.0 MB limit"),
    ("huge-line.txt", "over the 2.0 MB limit"),
    ("h-long: nlp failed", "10,000 sentences, over the limit of 2,000"),
    ("r2-big-integer.jsonl:2", "an integer over 4,300 digits long"),
    ("r2-deep-field.jsonl:2 [x]", "nested 900 levels deep, over the limit of 64"),
    ("h-punct: nlp failed", "a run of 12,000 punctuation characters at offset 10, over the limit"),
    ("h-amp: nlp failed", "10,000 characters without a space at offset 7, over the limit of"),
]
STORED = {
    "h-nul", "h-u1", "h-u3", "h-rtl", "h-zw", "h-t11", "h-t12", "h-ok", "h-a2", "h-d1", "h-d3",
    "h-c1", "h-xxe", "h-before", "h-after-huge", "h-html", "h-sur", "h-before-punct",
    "h-after-punct",
    "h-r2-a", "h-r2-b", "h-r2-c", "h-r2-tz", "h-r2-9999", "h-r2-jalali", "h-r2-1399",
    "h-r2-837703", "h-r2-nan", "h-r2-cr1", "h-r2-cr2",
}  # fmt: skip


def _write_large_inputs(folder: Path) -> None:
    """The inputs too large to commit: 50 MB single lines and a 10,000-sentence article."""
    good = json.dumps({"id": "h-after-huge", "text": "Egypt and Sudan held talks."})
    with (folder / "huge-line.jsonl").open("w", encoding="utf-8") as out:
        out.write(json.dumps({"id": "h-before", "text": "x" * 10}) + "\n")
        out.write('{"id": "h-huge", "text": "' + "Iran talks " * 5_000_000 + '"}\n')
        out.write(good + "\n")
    (folder / "huge-line.txt").write_text("word " * 10_000_000, encoding="utf-8")
    sentences = " ".join(f"Talks went on {i}." for i in range(10_000))
    (folder / "long-article.jsonl").write_text(
        json.dumps({"id": "h-long", "text": sentences}) + "\n", encoding="utf-8"
    )


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, str, float]:
    """`eventwire ingest` over the corpus and the generated inputs: (exit code, stderr, db, s)."""
    large = tmp_path_factory.mktemp("large")
    _write_large_inputs(large)
    db = f"sqlite:///{tmp_path_factory.mktemp('db') / 'h.db'}"
    started = time.perf_counter()
    inputs = [str(p) for p in sorted(HOSTILE.iterdir()) if p.name != "README.md"]
    result = CliRunner().invoke(app, ["ingest", *inputs, str(large), "--db", db, "-q"])
    return result.exit_code, result.stderr, db, time.perf_counter() - started


@pytest.mark.slow
def test_hostile_corpus_ingest_fails_cleanly_and_names_each_problem(
    hostile_run: tuple[int, str, str, float],
) -> None:
    code, err, _, seconds = hostile_run
    assert code == 1, err
    assert "Traceback" not in err
    # One report per failure; the console wraps long ones, so spacing is normalised.
    reports = [" ".join(chunk.split()) for chunk in err.split("error: ")]
    for place, reason in FAILURES:
        found = [r for r in reports if place in r and reason in r]
        assert found, f"no failure '{reason}' reported for {place}:\n{err}"
    assert seconds < 120  # nothing hangs: the whole corpus, 100 MB of it generated, in bounds


@pytest.mark.slow
def test_hostile_corpus_stores_exactly_the_valid_records(
    hostile_run: tuple[int, str, str, float],
) -> None:
    _, _, db, _ = hostile_run
    with open_store(db) as store:
        articles = {a.id: a for a in store.iter_articles()}
    feeds = {i for i, a in articles.items() if i.startswith("sha1:")}
    assert set(articles) - feeds == STORED
    # The entity bomb's one entry, with its entities left unexpanded.
    assert len(feeds) == 1
    assert all(len(articles[i].text) < 100 for i in feeds)
    assert "root:" not in articles["h-xxe"].text
    # Texts are stored as given, but for NUL, which becomes a space (one for one).
    assert articles["h-nul"].text == "Iran  and Russia held talks  in Vienna."
    assert "\u202e" not in (articles["h-rtl"].title or "")
    records = [json.loads(line) for line in (HOSTILE / "zero-width.jsonl").read_text().splitlines()]
    assert articles["h-zw"].text == next(r["text"] for r in records if r["id"] == "h-zw")
    assert clean_text(articles["h-zw"].text).startswith("Iran and Russia held talks in Vienna.")
    # A lone surrogate (a JSON escape) is no character: U+FFFD, one for one, in every field.
    surrogate = articles["h-sur"]
    assert surrogate.text == "Iran\ufffd and Russia held talks in Vienna."
    assert (surrogate.title, surrogate.tags) == ("Lone \ufffd surrogate", ["talks\ufffd"])
    assert surrogate.meta == {"desk": "x\ufffdy"}
    # Round two: impossible dates are not stored, the Jalali one is converted, NaN is null.
    dates = {i: articles[i].published for i in ("h-r2-tz", "h-r2-9999", "h-r2-1399")}
    assert dates == {"h-r2-tz": None, "h-r2-9999": None, "h-r2-1399": None}
    assert articles["h-r2-jalali"].published == date(2021, 3, 20)
    assert articles["h-r2-nan"].meta == {"score": None, "max": None}
    assert articles["h-r2-cr1"].text == "Iran and Russia\rheld talks."


@pytest.mark.slow
def test_hostile_markup_in_stored_text_shows_escaped_on_the_article_page(
    hostile_run: tuple[int, str, str, float],
) -> None:
    from fastapi.testclient import TestClient

    from eventwire.web import create_app

    _, _, db, _ = hostile_run
    with (
        open_store(db) as store,
        TestClient(create_app(store), base_url="http://127.0.0.1") as client,
    ):
        html = client.get("/articles/h-html").text
    assert "<script>alert(" not in html
    assert "<b>Not bold</b>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html
    assert "&lt;b&gt;Not bold&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# Non-regular entries in an input folder (eventwire.sources.walk): skipped with a warning
# naming each, never opened in a way that blocks; the regular files around them are stored.
def _folder_with_traps(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "b").mkdir(parents=True)
    for name, article_id in (("a.jsonl", "w-a"), ("b/z.jsonl", "w-z"), ("c.jsonl", "w-c")):
        record = {"id": article_id, "text": "Iran and Russia held talks."}
        (folder / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "null.txt").symlink_to("/dev/null")
    (folder / "b" / "again.jsonl").symlink_to("../a.jsonl")  # inside the folder: read
    return folder


def _ingest_uncoded(folder: Path, db: str, **options: bool) -> tuple[set[str], list[str]]:
    from eventwire.ingest import ingest

    with open_store(db) as store:
        summary = ingest([folder], store, stages=[], **options)
        stored = {a.id for a in store.iter_articles()}
    return stored, sorted(str(w) for w in summary.warnings)


def test_walk_skips_pipes_devices_and_links_out_of_the_folder(tmp_path: Path, db_url: str) -> None:
    folder = _folder_with_traps(tmp_path)
    started = time.perf_counter()
    stored, warnings = _ingest_uncoded(folder, db_url)
    assert time.perf_counter() - started < 10  # a pipe opened for reading blocks forever
    assert stored == {"w-a", "w-z", "w-c"}
    assert warnings == [
        f"{folder}/null.txt: skipped: a symbolic link out of the input folder (to /dev/null); "
        "--follow-links reads it",
        f"{folder}/passwd.txt: skipped: a symbolic link out of the input folder (to "
        "/etc/passwd); --follow-links reads it",
        f"{folder}/pipe.jsonl: skipped: a named pipe, not a regular file",
    ]


def test_walk_follow_links_reads_links_out_but_never_a_pipe_or_device(
    tmp_path: Path, db_url: str
) -> None:
    folder = _folder_with_traps(tmp_path)
    stored, warnings = _ingest_uncoded(folder, db_url, follow_links=True)
    assert len(stored - {"w-a", "w-z", "w-c"}) == 1  # /etc/passwd, read as a text article
    assert warnings == [
        f"{folder}/null.txt: skipped: a device, not a regular file",
        f"{folder}/pipe.jsonl: skipped: a named pipe, not a regular file",
    ]


def test_walk_opens_a_file_that_became_a_pipe_without_blocking(tmp_path: Path) -> None:
    from eventwire.sources import walk

    os.mkfifo(tmp_path / "late.jsonl")
    with pytest.raises(walk.NotRegular, match="a named pipe, not a regular file"):
        walk.open_regular(tmp_path / "late.jsonl")


def test_walk_cli_warns_naming_the_pipe(tmp_path: Path, db_url: str) -> None:
    folder = _folder_with_traps(tmp_path)
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--db", db_url, "-q", "--workers", "1", "--follow-links"]
    )
    message = " ".join(result.stderr.split())
    assert f"warning: {folder}/pipe.jsonl: skipped: a named pipe, not a regular file" in message
    assert "read 5 · new 4 · duplicate 1 · failed 0 · warnings 2 in" in message
