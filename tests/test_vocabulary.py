"""The vocabulary files: their format, their errors, and that every shipped one reads."""

from __future__ import annotations

from importlib import resources

import pytest

from eventwire import vocabulary
from eventwire.errors import ConfigError

SAMPLE = "# what a row means\n# example: hail\tPRAISE\n\nword\tcode\nhail\t051\nlaud\n\n"


def test_rows_follow_the_header_and_short_rows_are_padded() -> None:
    rows = vocabulary.parse(SAMPLE, "sample.tsv")
    assert rows == ({"word": "hail", "code": "051"}, {"word": "laud", "code": ""})


def test_errors_name_the_file_and_line() -> None:
    with pytest.raises(ConfigError, match=r"^x\.tsv:3: 3 columns, the header names 2$"):
        vocabulary.parse("word\tcode\nhail\t051\nlaud\t051\textra\n", "x.tsv")
    with pytest.raises(ConfigError, match=r"^x\.tsv:2: the first column \(word\) is empty$"):
        vocabulary.parse("word\tcode\n\t051\n", "x.tsv")
    with pytest.raises(ConfigError, match=r"^x\.tsv: no header row$"):
        vocabulary.parse("# only a comment\n", "x.tsv")
    with pytest.raises(ConfigError, match="no such vocabulary file"):
        vocabulary.table("no-such-list")


def test_every_shipped_vocabulary_file_reads_with_a_header_comment() -> None:
    folder = resources.files("eventwire").joinpath(vocabulary.FOLDER)
    names = sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".tsv"))
    assert {"event_nouns", "actor_titles", "verb_moods"} <= set(names)
    for name in names:
        text = folder.joinpath(f"{name}.tsv").read_text(encoding="utf-8")
        assert text.startswith("#"), f"{name}.tsv has no header comment"
        assert vocabulary.table(name), f"{name}.tsv has no rows"


def test_listed_keeps_file_order_and_names_an_unknown_list(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# lists\nword\tlist\nwith\ttarget\nabout\ttopic\nagainst\ttarget\n"
    monkeypatch.setattr(vocabulary, "table", lambda name: vocabulary.parse(text, f"{name}.tsv"))
    vocabulary.listed.cache_clear()
    try:
        assert vocabulary.listed("preps", "target") == ("with", "against")
        with pytest.raises(ConfigError, match="no row in list 'nowhere'"):
            vocabulary.listed("preps", "nowhere")
    finally:
        vocabulary.listed.cache_clear()
