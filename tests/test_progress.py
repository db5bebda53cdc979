"""The ingest progress bar: articles done of a total counted before reading (exact for JSON Lines
and single-article files, "~" for estimates, none for stdin), with the rate and time left."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from eventwire.cli.articles import progress_bar, time_left
from eventwire.ingest import IngestSummary
from eventwire.sources import count
from eventwire.sources.count import RecordCount, count_records


def _jsonl(path: Path, ids: list[str], blank_lines: int = 0) -> Path:
    lines = [json.dumps({"id": i, "text": f"Text {i}."}) for i in ids]
    path.write_text("\n".join(lines) + "\n" * (1 + blank_lines), encoding="utf-8")
    return path


def test_a_jsonl_file_counts_its_records_exactly(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", ["a", "b", "c"], blank_lines=3)
    assert count_records([path]) == RecordCount(3, exact=True)


def test_a_folder_counts_every_file_as_the_readers_meet_it(tmp_path: Path) -> None:
    _jsonl(tmp_path / "many.jsonl", [str(i) for i in range(5)])
    (tmp_path / "one.txt").write_text("Iran met Russia.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text("<html><p>Hi</p></html>", encoding="utf-8")
    (tmp_path / "sub" / "empty.txt").write_text("", encoding="utf-8")  # one failure
    (tmp_path / ".hidden.txt").write_text("skipped by the walk", encoding="utf-8")
    assert count_records([tmp_path]) == RecordCount(5 + 1 + 1 + 1, exact=True)


def test_csv_rows_are_an_estimate_without_the_header(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,text\n1,"one"\n2,"two\nlines"\n3,three\n', encoding="utf-8")
    # Four data lines for three rows: a quoted cell may break a line, hence "~".
    assert count_records([path]) == RecordCount(4, exact=False)


def test_a_feed_counts_its_items_as_an_estimate(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    items = "".join(f"<item><title>{i}</title></item>" for i in range(7))
    path.write_text(f'<?xml version="1.0"?><rss><channel>{items}</channel></rss>', "utf-8")
    assert count_records([path]) == RecordCount(7, exact=False)


def test_standard_input_cannot_be_counted(tmp_path: Path) -> None:
    assert count_records([_jsonl(tmp_path / "a.jsonl", ["a"]), "-"]) is None


def test_a_file_too_large_to_count_is_estimated_from_its_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _jsonl(tmp_path / "big.jsonl", [f"{i:04d}" for i in range(1000)])
    line = len(path.read_bytes()) // 1000  # every line has the same length
    monkeypatch.setattr(count, "EXACT_BYTES", 10 * line)
    monkeypatch.setattr(count, "SAMPLE_BYTES", 100 * line)
    assert count_records([path]) == RecordCount(1000, exact=False)


def _shown(expected: RecordCount | None, summary: IngestSummary) -> str:
    console = Console(file=io.StringIO(), force_terminal=True, width=200, color_system=None)
    progress, on_progress = progress_bar("ingesting", False, expected, console)
    with progress:
        on_progress(summary)
        progress.refresh()
        # The last frame drawn, without the cursor moves of the live display.
        frames = console.file.getvalue().replace("\r", "\n").split("\n")  # type: ignore[attr-defined]
    shown = [f for f in frames if "ingesting" in f][-1]
    return " ".join(shown.split())


def test_the_bar_shows_articles_done_of_the_total_with_rate_and_time_left() -> None:
    summary = IngestSummary(read=6, new=3, duplicate=1, seconds=2.0)
    summary.failures.append("x: failed")
    line = _shown(RecordCount(10, exact=True), summary)
    # Done = new + duplicate + failed: 5 of 10, at 2.5 a second: 5 more take 2 seconds.
    assert " 5 of 10 articles 2.5/s " in line
    assert line.endswith(" eta 0:00:02")


def test_time_left_reads_as_hours_minutes_seconds() -> None:
    assert [time_left(s) for s in (None, 0.4, 59.6, 3725)] == [
        "-:--:--", "0:00:00", "0:01:00", "1:02:05"
    ]  # fmt: skip


def test_an_estimated_total_says_so_and_grows_with_the_count() -> None:
    line = _shown(RecordCount(4, exact=False), IngestSummary(read=6, new=6, seconds=3.0))
    assert " 6 of ~6 articles 2.0/s " in line
    assert line.endswith(" eta 0:00:00")


def test_without_a_total_the_bar_counts() -> None:
    line = _shown(None, IngestSummary(read=2, new=2, seconds=1.0))
    assert " 2 articles 2.0/s " in line
    assert " of " not in line
    assert line.endswith(" eta -:--:--")
