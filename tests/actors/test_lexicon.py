"""The shipped lexicon: counts, sample entries, dated codes at their boundaries, the converter."""

from __future__ import annotations

import importlib.util
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.actors import CodeSpan, Lexicon, default_lexicon, load, resolve
from eventwire.actors.lexicon import EntryTable

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "eventwire" / "data"


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load()


def test_counts_per_kind_are_sane(lex: Lexicon) -> None:
    kinds = lex.kinds()
    expected = {
        "country": (200, 300),
        "person": (20_000, 25_000),  # Phoenix ~18,000 + office-holders ~4,600
        "igo": (400, 800),
        "ngo": (1_400, 2_200),
        "mnc": (3_500, 5_000),
        "nonstate": (800, 1_300),
        "agent": (2_000, 2_600),
        "demonym": (190, 260),
        "capital": (180, 260),
        "metonym": (25, 80),
    }
    for kind, (low, high) in expected.items():
        assert low <= kinds.get(kind, 0) <= high, (kind, kinds.get(kind))
    assert 30_000 <= len(lex) <= 37_000
    assert 40_000 <= sum(1 for _ in lex.phrases()) <= 52_000


@pytest.mark.parametrize(
    ("phrase", "kind", "code"),
    [
        ("Iran", "country", "IRN"),
        ("Iranian", "demonym", "IRN"),
        ("Chinese", "demonym", "CHN"),
        ("Saudi", "demonym", "SAU"),
        ("British", "demonym", "GBR"),
        ("Afghan", "demonym", "AFG"),
        ("the Zionist regime", "metonym", "ISR"),
        ("Zionist entity", "metonym", "ISR"),
        ("the Islamic Republic", "metonym", "IRN"),
        ("Tel Aviv", "metonym", "ISR"),
        ("Tehran", "capital", "IRN"),
        ("Moscow", "capital", "RUS"),
        ("Washington", "capital", "USA"),
        ("the Kremlin", "metonym", "RUSGOV"),
        ("the White House", "metonym", "USAGOV"),
        ("Downing Street", "metonym", "GBRGOV"),
        ("the Pentagon", "metonym", "USAMIL"),
        ("United Nations", "igo", "IGOUNO"),
        ("Hamas", "nonstate", "PSEREBHMS"),
        ("police", "agent", "~COP"),
        ("army", "agent", "~MIL"),
    ],
)
def test_sample_entries(lex: Lexicon, phrase: str, kind: str, code: str) -> None:
    matches = lex.lookup(phrase, date(2018, 9, 27))
    assert [(m.kind, m.code) for m in matches][:1] == [(kind, code)]


def test_kremlin_belongs_to_russia(lex: Lexicon) -> None:
    code = lex.code("Kremlin")
    assert code is not None
    assert lex.country_of(code) == "RUS"


def test_agents(lex: Lexicon) -> None:
    assert lex.agent("police") == "COP"
    assert lex.agent("policemen") == "COP"
    assert lex.agent("army") == "MIL"
    assert lex.agent("rebels") == "REB"
    assert lex.agent("opposition") == "OPP"
    assert lex.agent("minister") == "GOV"
    assert lex.agent("foreign minister") == "GOV"
    assert lex.agent("government") == "GOV"
    assert lex.agent("president") == "GOV"
    assert lex.agent("former president") == "ELI"
    assert lex.agent("peacekeeping troops") == "IGO"
    assert lex.agent("Iran") is None


def test_demonyms_and_countries(lex: Lexicon) -> None:
    for word, iso3 in [
        ("Iranian", "IRN"), ("Americans", "USA"), ("Turkish", "TUR"), ("Russian", "RUS"),
        ("Indian", "IND"), ("Syrian", "SYR"), ("Israeli", "ISR"), ("Iraqi", "IRQ"),
        ("Pakistani", "PAK"), ("Egyptian", "EGY"), ("French", "FRA"), ("German", "DEU"),
        ("Japanese", "JPN"), ("North Korean", "PRK"), ("South Korean", "KOR"),
        ("Ukrainian", "UKR"), ("Emirati", "ARE"), ("Qatari", "QAT"), ("Yemeni", "YEM"),
        ("Lebanese", "LBN"), ("Palestinian", "PSE"), ("Jordanian", "JOR"), ("the British", "GBR"),
    ]:  # fmt: skip
        assert lex.demonym(word) == iso3, word
    assert lex.demonym("Tehran") is None
    assert lex.country_of("IRNGOV") == "IRN"
    assert lex.country_of("PSEREBHMS") == "PSE"
    assert lex.country_of("IGOUNO") is None
    assert lex.country_of("~GOV") is None


def test_every_phoenix_country_has_a_demonym(lex: Lexicon) -> None:
    defunct = {"CSK", "DDR", "FRN", "FRY", "KNT", "KRJ", "SCG", "SRP", "SUN", "USR", "YUG"}
    codes = {
        span.code[:3]
        for entry_id in range(len(lex))
        if (entry := lex.entry(entry_id)).kind == "country" and entry.source.startswith("Phoenix")
        for span in entry.codes
        if span.code != "---"
    }
    covered = {lex.demonym(p) for p, i in lex.phrases() if lex.entry(i).kind == "demonym"}
    # Congo-Brazzaville and Dominica share "Congolese" and "Dominican" with larger namesakes.
    shared = {"COG", "DMA"}
    missing = codes - covered - defunct - shared
    assert not missing


@pytest.mark.parametrize(
    ("phrase", "boundary", "before", "on", "after"),
    [
        # RUSELI 700101-990809, RUSGOV 990809-000507: the later-starting role wins on the 9th.
        ("Vladimir Putin", date(1999, 8, 9), "RUSELI", "RUSGOV", "RUSGOV"),
        # USAELI ends 2000; USAGOV >090120; no default, so uncoded before the inauguration.
        ("Barack Obama", date(2009, 1, 20), None, "USAGOV", "USAGOV"),
        # IRNGOV 20050803-20130803 (inclusive) then the undated IRNELI default.
        ("Mahmoud Ahmadinejad", date(2005, 8, 3), "IRNELI", "IRNGOV", "IRNGOV"),
        ("Mahmoud Ahmadinejad", date(2013, 8, 3), "IRNGOV", "IRNGOV", "IRNELI"),
        # IRQ <20030320 and IRQOCC 20030320-20060520 (a repaired date) then IRQ >20060520.
        ("Iraq", date(2003, 3, 20), "IRQ", "IRQOCC", "IRQOCC"),
        ("Iraq", date(2006, 5, 20), "IRQOCC", "IRQ", "IRQ"),
    ],
)
def test_dated_codes_switch_at_boundaries(
    lex: Lexicon, phrase: str, boundary: date, before: str | None, on: str, after: str
) -> None:
    day = timedelta(days=1)
    assert lex.code(phrase, boundary - day) == before
    assert lex.code(phrase, boundary) == on
    assert lex.code(phrase, boundary + day) == after


def test_resolution_rule() -> None:
    spans = [
        CodeSpan("AAAELI", date(1990, 1, 1), date(2000, 1, 1)),
        CodeSpan("AAAGOV", date(2000, 1, 1), None),
        CodeSpan("AAAELI"),
    ]
    assert resolve(spans, date(1989, 12, 31)) == "AAAELI"  # the undated default
    assert resolve(spans, date(2000, 1, 1)) == "AAAGOV"
    assert resolve(spans, None) == "AAAELI"
    dated_only = spans[:2]
    assert resolve(dated_only, date(1980, 1, 1)) is None
    assert resolve(dated_only, None) == "AAAGOV"  # no date: the most recent role
    assert resolve([CodeSpan("---")], date(2000, 1, 1)) is None


def test_blockers_are_recognised_but_uncoded(lex: Lexicon) -> None:
    (match,) = lex.lookup("Indian Ocean")
    assert match.kind == "blocker"
    assert match.code is None


def test_phrases_and_upper_only(lex: Lexicon) -> None:
    pairs = dict(lex.phrases())
    assert lex.entry(pairs["tehran"]).kind == "capital"
    assert all(p == p.lower() and "_" not in p and "  " not in p for p in pairs)
    assert lex.upper_only("us")
    assert lex.upper_only("US")
    assert not lex.upper_only("u.s.")
    assert not lex.upper_only("iran")


def test_explain_points_at_the_source_line(lex: Lexicon) -> None:
    (match,) = lex.lookup("Yasser Arafat")  # Putin is in the office-holders layer now
    assert match.entry.source == "Phoenix.Countries.actors.txt"
    assert match.entry.line is not None
    assert match.entry.line > 1000
    assert match.entry.origin().startswith("Phoenix.Countries.actors.txt:")


def test_load_is_fast_and_cached() -> None:
    default_lexicon.cache_clear()
    start = time.perf_counter()
    first = load()
    elapsed = time.perf_counter() - start
    assert elapsed < 1.5, elapsed  # about 0.12 s on the development machine
    assert load() is first
    assert isinstance(first._table, EntryTable)


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "convert_dictionaries", REPO / "scripts" / "convert_dictionaries.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def test_committed_data_matches_a_fresh_conversion(shared: Path, tmp_path: Path) -> None:
    source = shared / "reference" / "petrarch2-dicts"
    if not source.is_dir():
        pytest.skip("no Phoenix dictionaries in ../shared")
    converter = _converter()
    assert converter.main(["--source", str(source), "--out", str(tmp_path)]) == 0
    fresh = (tmp_path / "actors.jsonl.gz").read_bytes()
    assert fresh == (DATA / "actors.jsonl.gz").read_bytes(), "re-run the converter and commit"
    report = (tmp_path / "conversion_report.txt").read_text(encoding="utf-8")
    assert "duplicate record" in report
    assert "entries: " in report


def test_country_codes_are_iso_alpha3() -> None:
    # Phoenix writes Angola's UNITA [ANGREB] and East Timor [TMP]; one country, one code.
    lexicon = load()
    assert [m.code for m in lexicon.lookup("unita", None)][:1] == ["AGOREB"]
    assert [m.code for m in lexicon.lookup("east timor", None)][:1] == ["TLS"]
    assert [m.code for m in lexicon.lookup("timorese", None)][:1] == ["TLS"]
