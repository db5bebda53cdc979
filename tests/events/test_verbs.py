"""The shipped verb lexicon: lookups by lemma, patterns, synonym sets, and its freshness."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.events import verbs
from eventwire.events.verbdict import VerbCode, parse_verb_dictionary
from eventwire.events.verbs import VerbLexicon

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "eventwire" / "data"


@pytest.fixture(scope="module")
def lexicon() -> VerbLexicon:
    return verbs.load()


def test_load_reads_the_cache_without_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    # The shipped cache matches verbs.txt, so loading must not compile (about 0.9 s) but read
    # the cache (about 0.03 s); checked by behaviour, not by a clock a busy machine slows.
    def no_compiling(text: str) -> None:
        raise AssertionError("verbs.load() compiled verbs.txt instead of reading its cache")

    monkeypatch.setattr(verbs, "compile_source", no_compiling)
    verbs.load.cache_clear()
    try:
        first = verbs.load()
        assert verbs.load() is first
        assert len(first) == 1819
    finally:
        verbs.load.cache_clear()


def test_ask_for_investment_is_0211(lexicon: VerbLexicon) -> None:
    entries = lexicon.entries_for("ask for")
    assert {(e.block, str(e.code)) for e in entries} == {("ASK", "020"), ("INVITE", "040")}
    matching = [p for p in lexicon.patterns_for("ask for") if p.after == ("investment",)]
    assert [str(p.code) for p in matching] == ["0211"]
    assert matching[0].line == 931
    assert matching[0].block == "ASK"


def test_single_word_lookup_lists_multiword_verbs_first(lexicon: VerbLexicon) -> None:
    entries = lexicon.entries_for("ask")
    assert entries[0].is_multiword
    assert entries[0].after == ("for",)
    assert entries[-1].lemma == "ask"
    assert entries[-1].code == VerbCode("020")


def test_default_codes(lexicon: VerbLexicon) -> None:
    assert str(lexicon.entries_for("murder")[0].code) == "190"
    assert lexicon.entries_for("kill")[-1].code == VerbCode("190")  # from the KILL block
    assert lexicon.entries_for("speed")[0].code.is_null  # ACCELERATE [---]: patterns only


def test_irregular_and_inflected_forms_map_to_lemmas(lexicon: VerbLexicon) -> None:
    (speed,) = lexicon.entries_for("speed")
    assert "sped" in speed.forms
    # The dictionary lists BURNT and FORGAVE as verbs of their own; spaCy's lemma is the key.
    assert lexicon.entries_for("burn")
    assert not lexicon.entries_for("burnt")
    assert any(e.line for e in lexicon.entries_for("forgive"))
    # A misspelt listed form spaCy cannot lemmatise is reachable through an alias.
    assert lexicon.entries_for("chosing")[0].verb == "choose"


def test_patterns_keep_prepositions_and_roles(lexicon: VerbLexicon) -> None:
    (pattern,) = [p for p in lexicon.patterns_for("act") if p.line == 2434]
    assert pattern.block == "MOVE"
    assert pattern.comment == "ACT"
    assert [pp.prep for pp in pattern.after_preps] == ["as", "in", "with"]
    assert pattern.after_preps[0].objects == ("&negotiator",)
    assert (pattern.source, pattern.target) == ("before", "with")


def test_synonym_sets_expand(lexicon: VerbLexicon) -> None:
    assert "dollar" in lexicon.synset("&currency")
    expanded = lexicon.expand("fighter &aircraft")
    assert ("fighter", "plane") in expanded
    assert all(words[0] == "fighter" for words in expanded)
    assert lexicon.expand("investment") == [("investment",)]


def test_nested_sets_expand_without_looping() -> None:
    parsed = parse_verb_dictionary("&A\n+&B\n+X\n\n&B\n+&A\n+Y\n")
    lexicon = VerbLexicon.from_dictionary(parsed)
    assert sorted(lexicon.expand("&a")) == [("&a",), ("x",), ("y",)]


def test_round_trip_through_package_data(lexicon: VerbLexicon) -> None:
    again = VerbLexicon.from_data(lexicon.to_data())
    assert again.entries == lexicon.entries
    assert again.patterns == lexicon.patterns
    assert again.aliases == lexicon.aliases


def _compiler() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compile_verbs", REPO / "scripts" / "compile_verbs.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_cache_is_stamped_with_the_shipped_pattern_file() -> None:
    # The package reads verbs.json.gz only when it was compiled from this very verbs.txt.
    data = verbs.read_cache()
    assert data["format"] == verbs.FORMAT_VERSION
    assert data["source_sha256"] == verbs.stamp(verbs.source_text()), (
        "verbs.txt changed: run scripts/compile_verbs.py"
    )


def test_shipped_pattern_file_parses() -> None:
    parsed = parse_verb_dictionary(verbs.source_text().decode("utf-8"))
    assert len(parsed.blocks) == 434  # 397 of CAMEO.2.0.txt, 37 continued at its end
    assert len(parsed.verbs) == 1819
    assert len(parsed.patterns) == 4811
    assert len(parsed.synsets) == 41
    # Only a handful of lines are unusable; each reason is counted (verbs_report.txt).
    assert sum(parsed.report.skipped.values()) == 32


@pytest.mark.slow
def test_cache_matches_a_fresh_compile_of_the_shipped_file(tmp_path: Path) -> None:
    assert _compiler().main(["--out", str(tmp_path)]) == 0
    fresh = (tmp_path / "verbs.json.gz").read_bytes()
    assert fresh == (DATA / "verbs.json.gz").read_bytes(), "run scripts/compile_verbs.py"
    report = (tmp_path / "verbs_report.txt").read_text(encoding="utf-8")
    assert report == (DATA / "verbs_report.txt").read_text(encoding="utf-8")
    assert "patterns: 4811" in report


@pytest.mark.slow
def test_an_edited_pattern_file_is_compiled_not_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    text = verbs.source_text().decode("utf-8")
    block = "---  THANK   [051]  ---\n"
    assert block in text
    edited = text.replace(block, block + "- * (FOR &CURRENCY)  [071]  # test pattern\n", 1)
    monkeypatch.setattr(verbs, "source_text", lambda: edited.encode("utf-8"))
    verbs.load.cache_clear()
    try:
        lexicon = verbs.load()
        added = [p for p in lexicon.patterns_for("thank") if p.comment == "test pattern"]
        assert [str(p.code) for p in added] == ["071"]
    finally:
        verbs.load.cache_clear()
