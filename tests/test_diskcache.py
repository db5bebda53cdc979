"""The disk cache of built indexes (eventwire.diskcache): what is read back is what was built,
a change to what it was built from builds it again, and a cache that cannot be used only costs
the build."""

from __future__ import annotations

import gc
import pickle
from pathlib import Path

import pytest

from eventwire import diskcache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(diskcache.CACHE_ENV, str(where))
    return where


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_stored_object_is_read_back_without_building(folder: Path) -> None:
    build = Builds({"tehran": [1, 2], "words": {"a", "b"}})
    key = diskcache.key_of(b"source one")
    first = diskcache.cached("index", key, build)
    again = diskcache.cached("index", key, build)
    assert (first, again, build.calls) == (build.value, build.value, 1)
    assert [p.name for p in folder.iterdir()] == [f"index-{key}.pickle"]


def test_a_changed_source_builds_again_and_drops_the_old_file(folder: Path) -> None:
    old, new = Builds("old"), Builds("new")
    diskcache.cached("index", diskcache.key_of(b"v1"), old)
    got = diskcache.cached("index", diskcache.key_of(b"v2"), new)
    assert (got, new.calls) == ("new", 1)
    assert [p.name for p in folder.iterdir()] == [f"index-{diskcache.key_of(b'v2')}.pickle"]


def test_a_truncated_file_is_rebuilt(folder: Path) -> None:
    key = diskcache.key_of(b"x")
    diskcache.cached("index", key, Builds(list(range(1000))))
    path = folder / f"index-{key}.pickle"
    path.write_bytes(path.read_bytes()[:20])
    build = Builds(list(range(1000)))
    assert diskcache.cached("index", key, build) == list(range(1000))
    assert build.calls == 1
    assert pickle.loads(path.read_bytes()) == list(range(1000))  # written whole again


def test_a_file_in_place_of_the_folder_only_costs_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(diskcache.CACHE_ENV, str(blocker))
    build = Builds("value")
    assert diskcache.cached("index", "k", build) == "value"
    assert diskcache.cached("index", "k", build) == "value"
    assert build.calls == 2


def test_the_cache_can_be_turned_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(diskcache.CACHE_ENV, "off")
    build = Builds("value")
    diskcache.cached("index", "k", build)
    diskcache.cached("index", "k", build)
    assert build.calls == 2
    assert not folder.exists()


@pytest.mark.parametrize("stored", [True, False], ids=["read back", "built"])
def test_a_loaded_index_is_out_of_the_collectors_walks(
    folder: Path, monkeypatch: pytest.MonkeyPatch, stored: bool
) -> None:
    # Each collection walks what it tracks, the full ones everything: ~0.7 s of a one-article
    # run before indexes were frozen. Reference counting still frees a frozen object.
    if not stored:
        monkeypatch.setenv(diskcache.CACHE_ENV, "off")
    key = diskcache.key_of(b"frozen")
    diskcache.cached("index", key, Builds({"tehran": [1, 2]}))
    try:
        value = diskcache.cached("index", key, Builds({"tehran": [1, 2]}))
        assert gc.is_tracked(value)
        assert not any(o is value for o in gc.get_objects())
    finally:
        gc.unfreeze()


def test_the_package_digest_follows_code_and_data_files(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "words.tsv").write_text("a\tb\n")
    (tmp_path / "module.py").write_text("X = 1\n")
    first = diskcache.digest_of(tmp_path)
    (tmp_path / "data" / "words.tsv").write_text("a\tc\n")
    second = diskcache.digest_of(tmp_path)
    (tmp_path / "module.py").write_text("X = 2\n")
    third = diskcache.digest_of(tmp_path)
    (tmp_path / "notes.md").write_text("not a source\n")
    assert len({first, second, third}) == 3
    assert diskcache.digest_of(tmp_path) == third


@pytest.mark.slow
def test_indexes_read_back_from_the_cache_equal_a_fresh_build(folder: Path) -> None:
    from eventwire.actors import lexicon, matcher, not_persons, persons
    from eventwire.whenwhere import gazetteer

    fresh = lexicon._build_default_lexicon()
    key = diskcache.key_of("test-lexicon")
    diskcache.cached("lexicon", key, lambda: fresh)
    stored = diskcache.cached("lexicon", key, lambda: pytest.fail("not read from the cache"))
    assert stored is not fresh
    assert list(stored.phrases()) == list(fresh.phrases())
    assert [stored.entry(i) for i in range(len(stored))] == [
        fresh.entry(i) for i in range(len(fresh))
    ]
    stored.digest = key
    index = matcher._index_for(stored)  # stores the tables, then a second process reads them
    again = diskcache.cached("phrases", key, lambda: pytest.fail("not read from the cache"))
    built = matcher.PhraseIndex(fresh)
    assert (index.phrases, index.prefixes, index.upper_only) == (
        built.phrases,
        built.prefixes,
        built.upper_only,
    )
    assert again == (built.phrases, built.prefixes, built.upper_only)
    assert persons.surname_index(stored).by_surname == persons.SurnameIndex(fresh).by_surname
    assert not_persons.person_words(stored) == not_persons._person_words(fresh)
    rows = diskcache.cached("gazetteer", "k", gazetteer._Index).rows
    assert diskcache.cached("gazetteer", "k", pytest.fail).rows == rows == gazetteer._Index().rows
    assert diskcache.cached("gazetteer", "k", pytest.fail).keys == gazetteer._Index().keys


def test_the_verb_lexicon_read_back_from_the_cache_equals_a_fresh_build(folder: Path) -> None:
    from eventwire.events import verbs

    source = verbs.source_text()
    fresh = verbs._load_compiled(source)
    diskcache.cached("verbs", "k", lambda: fresh)
    stored = diskcache.cached("verbs", "k", lambda: pytest.fail("not read from the cache"))
    assert stored is not fresh
    assert stored.entries == fresh.entries
    assert stored.patterns == fresh.patterns


def test_the_indexes_frozen_records_pickle_through_their_constructor() -> None:
    from datetime import date

    from eventwire.actors.entries import CodeSpan, LexEntry, Match
    from eventwire.events.verbdict import PrepPhrase, VerbCode, VerbPattern
    from eventwire.whenwhere.gazetteer import Place

    span = CodeSpan("IRNGOV", date(2013, 8, 3))
    entry = LexEntry(7, "person", ("Hassan Rouhani", "Rouhani"), (span,), "people.tsv", 12)
    code = VerbCode("043", None)
    records = [span, entry, Match(entry, "rouhani", "IRNGOV"), code, PrepPhrase("with", ("$",))]
    records.append(VerbPattern("MEET", ("$",), (), ("+",), (PrepPhrase("in"),), code, 3, "x"))
    records.append(Place("Tehran", "IRN", "26", 35.69, 51.42, "city", 8_693_706))
    for record in records:
        made, fields = record.__reduce__()
        assert made is type(record)
        assert made(*fields) == record
        assert pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)) == record
