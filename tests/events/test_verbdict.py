"""The verb dictionary parser: syntax pieces, and both PETRARCH2 dictionaries in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events.verbdict import (
    PrepPhrase,
    VerbCode,
    VerbDictionary,
    parse_verb_dictionary,
    regular_forms,
)

SAMPLE = """\
# a comment
&CURRENCY
# members may follow a comment
+DOLLAR
+CASH_
+SWISS FRANCS

&FIN_
+&CURRENCY
+BOND

---  GRANT   [070]  ---
GIVE {GAVE GIVEN GIVING }  # jw 11/14/91
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
RE-ARREST [173]
WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED}
- * &CURRENCY                 [071]   # GIVE
- $ * (AS {TOP NEGOTIATOR}) (WITH +)  [045:046]
- &FIN * (TO)                  [:073]
- * &NOWHERE                   [072]
- * BROKEN (PATTERN            [072]
~ a (a b ATTACK) SAY = a b 015
"""


@pytest.fixture(scope="module")
def sample() -> VerbDictionary:
    return parse_verb_dictionary(SAMPLE)


def test_synsets_and_nested_references(sample: VerbDictionary) -> None:
    assert sample.synsets["&currency"] == ("dollar", "cash", "swiss francs")
    assert sample.synsets["&fin"] == ("&currency", "bond")


def test_verbs_forms_codes_and_multiword(sample: VerbDictionary) -> None:
    block = sample.blocks[0]
    assert (block.name, str(block.code)) == ("GRANT", "070")
    give, ask_for, rearrest, wiretap = block.verbs
    assert give.lemma == "give"
    assert give.forms == ("gave", "given", "giving")
    assert str(give.code) == "070"
    assert not give.own_code
    assert ask_for.words == ("ask", "for")
    assert ask_for.verb == "ask"
    assert ask_for.after == ("for",)
    assert str(ask_for.code) == "020"
    assert ask_for.own_code
    assert ask_for.forms == ("asked for", "asking for", "asks for")
    assert rearrest.lemma == "re-arrest"
    assert rearrest.verb == "arrest"
    assert rearrest.before == ("re", "-")
    assert wiretap.verb == "tap"
    assert wiretap.before == ("wire",)


def test_patterns_are_structured(sample: VerbDictionary) -> None:
    first, second, third = sample.blocks[0].patterns
    assert first.after == ("&currency",)
    assert first.code == VerbCode("071")
    assert first.line == 17
    assert first.comment == "GIVE"
    assert second.source == "before"
    assert second.target == "with"
    assert second.after_preps == (PrepPhrase("as", ("top negotiator",)), PrepPhrase("with", ()))
    assert second.code == VerbCode("045", "046")
    assert third.before == ("&fin",)
    assert third.after_preps == (PrepPhrase("to"),)
    assert third.code == VerbCode(None, "073")
    assert str(third.code) == ":073"


def test_unusable_lines_are_reported(sample: VerbDictionary) -> None:
    skipped = sample.report.skipped
    assert skipped["pattern names an undefined synonym set: skipped"] == 1
    assert skipped["unbalanced (...) or {...} in a pattern: skipped"] == 1
    assert sample.transformations == [(22, "~ a (a b ATTACK) SAY = a b 015")]


def test_null_and_paired_codes() -> None:
    assert VerbCode.parse("---").is_null
    assert VerbCode.parse("042:043") == VerbCode("042", "043")
    assert str(VerbCode.parse("042:043")) == "042:043"


def test_regular_forms() -> None:
    assert regular_forms("ask") == ["asks", "asked", "asking"]
    assert regular_forms("raze") == ["razes", "razed", "razing"]
    assert regular_forms("agree") == ["agrees", "agreed", "agreeing"]
    assert regular_forms("rally") == ["rallies", "rallied", "rallying"]


def test_cameo_dictionary_counts(shared: Path) -> None:
    # The upstream file verbs.txt began as; the shipped file is checked in test_verbs.py.
    text = (shared / "reference" / "petrarch2-dicts" / "CAMEO.2.0.txt").read_text("utf-8")
    parsed = parse_verb_dictionary(text)
    assert len(parsed.blocks) == 397
    assert len(parsed.synsets) == 40
    assert len(parsed.verbs) == 1817
    assert len(parsed.patterns) == 4664
    assert len(parsed.transformations) == 8
    # Only a handful of lines are unusable; each reason is counted.
    assert sum(parsed.report.skipped.values()) == 32


def test_validation_dictionary_parses_with_the_same_parser(shared: Path) -> None:
    text = (shared / "reference" / "petrarch2-dicts" / "PETR.Validate.verbs.txt").read_text("utf-8")
    parsed = parse_verb_dictionary(text)
    assert len(parsed.blocks) == 261
    assert len(parsed.patterns) == 474
    blocks = {b.name: b for b in parsed.blocks}
    assert str(blocks["ADMIT"].code) == "013:012"
    abandon = blocks["ABANDON"]
    assert [v.lemma for v in abandon.verbs] == [
        "abandon",
        "abc def ghi",
        "klm nop rst",
        "abc aardvark advocate",
    ]
    assert abandon.verbs[2].verb == "rst"
    assert str(abandon.verbs[2].code) == "002"
    # TABARI "_" connectors: NEW_&TIETYPES_RELATIONS is one phrase with a set inside.
    assert abandon.patterns[0].after == ("new &tietypes relations",)
    assert parsed.synsets["&accordsyn"] == ("&tietypes", "closer", "nearer", "&currency")
    assert parsed.report.skipped["multi-word verb without '+': first word taken as the verb"] == 2
