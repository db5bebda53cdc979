"""The scorer: matching rules, one-to-one, optional and multi-party events, reports, the gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire import evaluate
from eventwire.evaluate import (
    ANY,
    UNKNOWN,
    GoldEvent,
    GoldItem,
    PredEvent,
    check_gate,
    country,
    load_gold,
    score,
)
from eventwire.records import Event, Location


def gold(src: str, tgt: str, *classes: str, **extra: object) -> GoldEvent:
    def side(text: str) -> frozenset[str]:
        return frozenset(ANY if p == ANY else country(p) for p in text.split("|"))

    return GoldEvent(side(src), side(tgt), classes, **extra)  # type: ignore[arg-type]


def cameo(src: str, tgt: str, code: str, **extra: object) -> PredEvent:
    return PredEvent(src, tgt, cameo=code, root=code[:2], **extra)  # type: ignore[arg-type]


def one(
    events: list[GoldEvent], preds: list[PredEvent], set_name: str = "petr2_gsr"
) -> evaluate.Report:
    item = GoldItem("s1", "Some sentence.", None, tuple(events))
    return score([item], {"s1": preds}, set_name)


def test_exact_match_on_root_and_countries() -> None:
    report = one([gold("USA", "CHN", "04")], [cameo("USAGOV", "CHNGOV", "042")])
    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
    assert report.f1 == pytest.approx(1.0)


def test_wrong_class_is_a_miss_and_a_false_positive() -> None:
    report = one([gold("USA", "CHN", "04")], [cameo("USA", "CHN", "051")])
    assert (report.tp, report.fp, report.fn) == (0, 1, 1)
    assert report.per_class["04"].fn == 1
    assert report.per_class["05"].fp == 1


def test_wrong_country_and_swapped_roles_do_not_match() -> None:
    wrong = one([gold("USA", "CHN", "04")], [cameo("USA", "RUS", "040")])
    swapped = one([gold("USA", "CHN", "04")], [cameo("CHN", "USA", "040")])
    for report in (wrong, swapped):
        assert (report.tp, report.fp, report.fn) == (0, 1, 1)


def test_one_to_one_two_predictions_for_one_gold_event() -> None:
    report = one(
        [gold("USA", "CHN", "04")], [cameo("USA", "CHN", "040"), cameo("USA", "CHN", "042")]
    )
    assert (report.tp, report.fp, report.fn) == (1, 1, 0)
    assert report.precision == pytest.approx(0.5)
    assert report.recall == pytest.approx(1.0)


def test_matching_is_maximal_not_greedy() -> None:
    # The first prediction fits both gold events; a greedy pass could give it to the first one
    # and leave the second unmatched.
    events = [gold("USA|RUS", "CHN", "04"), gold("USA", "CHN", "04")]
    report = one(events, [cameo("USA", "CHN", "040"), cameo("RUS", "CHN", "040")])
    assert (report.tp, report.fp, report.fn) == (2, 0, 0)


def test_optional_events_are_neither_misses_nor_false_positives() -> None:
    events = [gold("USA", "IRN", "10", optional=True), gold("IRN", "ISR", "13", optional=True)]
    report = one(events, [cameo("USA", "IRN", "100")])
    assert (report.tp, report.fp, report.fn) == (0, 0, 0)
    assert report.optional_matched == 1


def test_required_events_get_predictions_before_optional_ones() -> None:
    events = [gold("USA", "IRN", "10", optional=True), gold("USA", "IRN", "10")]
    report = one(events, [cameo("USA", "IRN", "100")])
    assert (report.tp, report.fn, report.optional_matched) == (1, 0, 0)


def test_wildcard_and_unknown_sides() -> None:
    assert one([gold(ANY, "IRNMIL", "18", "19")], [cameo("", "IRN", "190")]).tp == 1
    # PETRARCH's "---" country is an unknown actor: only an unknown prediction matches it.
    assert one([gold("---REB", "SYR", "19")], [cameo("", "SYR", "190")]).tp == 1
    assert one([gold("---REB", "SYR", "19")], [cameo("SYRREB", "SYR", "190")]).tp == 0
    assert country("---GOV") == UNKNOWN


def test_multi_party_gold_absorbs_one_prediction_per_party() -> None:
    event = gold("IRNGOV", "RUS|CHN|IND", "02")
    preds = [cameo("IRN", "RUS", "020"), cameo("IRN", "CHN", "020"), cameo("IRN", "RUS", "020")]
    report = one([event], preds)
    # The repeat of IRN -> RUS is a real duplicate, so it still counts against precision.
    assert (report.tp, report.fp, report.fn, report.absorbed) == (1, 1, 0, 1)


def test_plover_classes_and_legacy_codes() -> None:
    items = [GoldItem("p", "Text.", None, (gold("IGO", "JAP", "AGREE"),))]
    pred = PredEvent("IGOUNO", "JPNGOV", cameo="030", plover="AGREE")
    report = score(items, {"p": [pred]}, "plover")
    assert report.tp == 1
    assert country("ITLGOV") == "ITA"
    assert country("VTN") == "VNM"


def test_plover_set_scores_only_events_with_a_plover_type() -> None:
    # An appeal (CAMEO 02) has no PLOVER type: the PLOVER output does not contain it, so it is
    # no false positive there; in a CAMEO set it is.
    items = [GoldItem("p", "Text.", None, (gold("USA", "IRN", "REQUEST"),))]
    appeal = PredEvent("USA", "IRN", cameo="020", root="02", plover=None)
    assert score(items, {"p": [appeal]}, "plover").fp == 0
    assert score(items, {"p": [appeal]}, "plover").fn == 1
    cameo_items = [GoldItem("p", "Text.", None, (gold("USA", "IRN", "10"),))]
    assert score(cameo_items, {"p": [appeal]}, "petr2_gsr").fp == 1


def _plover_row(source: list[str], target: list[str]) -> dict[str, object]:
    return {
        "id": "X-1",
        "text": "Hungarian and Romanian officials agreed.",
        "date": "2000-01-01",
        "expected": [
            {"source": source, "target": target, "code": "DEMAND", "code_current": "REQUEST"}
        ],
    }


def test_plover_loader_empty_target_accepts_unknown_or_the_other_party(tmp_path: Path) -> None:
    path = tmp_path / "plover_gsr.jsonl"
    rows = [_plover_row(["HUN", "ROU"], []), _plover_row(["JAP"], ["USA"])]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    items = load_gold(path)
    assert [i.id for i in items] == ["X-1", "X-1#2"]  # repeated ids are made unique
    assert items[0].date is None  # the GSR date is a placeholder
    (event,) = items[0].events
    assert event.classes == ("REQUEST",)
    assert event.targets == {UNKNOWN, "HUN", "ROU"}
    assert items[1].events[0].sources == {"JPN"}

    def plover(src: str, tgt: str) -> PredEvent:
        return PredEvent(src, tgt, plover="REQUEST")

    preds = {"X-1": [plover("HUN", ""), plover("ROU", "HUN"), plover("HUN", "FRA")]}
    report = score(items[:1], preds, "plover")
    # HUN -> "" matches, ROU -> HUN is the other party of the compound actor, FRA is wrong.
    assert (report.tp, report.absorbed, report.fp) == (1, 1, 1)


def test_date_and_place_accuracy_on_matched_events() -> None:
    events = [
        gold("IRN", "RUS", "04", date="2018-09-26", lat=35.69, lon=51.42),
        gold("IRN", "CHN", "04", date="2018-09-27", lat=35.69, lon=51.42),
    ]
    preds = [
        cameo("IRN", "RUS", "043", date="2018-09-26", lat=35.75, lon=51.30),  # ~13 km away
        cameo("IRN", "CHN", "040", date="2018-09-26", lat=31.32, lon=48.67),  # Ahvaz
    ]
    report = one(events, preds, "seed")
    assert report.tp == 2
    assert report.date_accuracy == pytest.approx(0.5)
    assert report.place_accuracy == pytest.approx(0.5)


def test_report_renders_markdown_and_json() -> None:
    report = one([gold("USA", "CHN", "04"), gold("USA", "RUS", "19")], [cameo("USA", "CHN", "040")])
    text = report.to_markdown()
    assert "F1 0.667" in text
    assert "| 04 | 1 | 0 | 0 |" in text
    assert "Misses (1)" in text
    data = json.loads(report.to_json())
    assert data["f1"] == pytest.approx(0.6667)
    assert data["per_class"]["19"] == {"tp": 0, "fp": 0, "fn": 1}
    assert data["misses"][0]["item"] == "s1"


def test_run_codes_each_item_with_the_given_coder(tmp_path: Path) -> None:
    path = tmp_path / "petr2_gsr_validation.jsonl"
    row = {
        "id": "A1",
        "text": "The US leader visited Beijing.",
        "date_iso": "2008-08-04",
        "expected": [{"source": "USAGOV", "target": "CHN", "code": "042"}],
    }
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    seen: list[str] = []

    def coder(item: GoldItem) -> list[Event]:
        seen.append(item.id)
        assert item.date == "2008-08-04"
        return [
            Event(
                "e1",
                item.id,
                0,
                item.text,
                (0, 10),
                "USAGOV",
                "US leader",
                "CHN",
                "Beijing",
                "042",
                "04",
                "CONSULT",
                "visit",
                1,
                1.9,
                "2008-08-04",
                "published",
                Location("Beijing", "CHN", lat=39.9, lon=116.4),
                False,
                0.9,
                "test",
            )
        ]

    report = evaluate.run(path, None, coder)
    assert seen == ["A1"]
    assert (report.set_name, report.tp, report.fp) == ("petr2_gsr", 1, 0)


def test_check_gate_holds_every_measure_to_its_floor(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    floors = {
        "tolerance": 0.001,
        "plover": {"f1": 0.300, "note": "comments are not floors"},
        "news": {"f1": 0.140, "dates": 0.530},
    }
    baseline.write_text(json.dumps(floors), encoding="utf-8")
    held = {"plover": {"f1": 0.2995}, "news": {"f1": 0.15, "dates": 0.53, "places": 0.1}}
    assert check_gate(held, baseline) == []  # within the tolerance; unfloored measures free
    dropped = {"plover": {"f1": 0.298}, "news": {"f1": 0.15, "dates": 0.52}}
    assert check_gate(dropped, baseline) == [
        "news dates: 0.5200 is below the floor 0.5300 by more than 0.0010",
        "plover f1: 0.2980 is below the floor 0.3000 by more than 0.0010",
    ]
    assert check_gate({"plover": {"f1": 0.3}, "news": {"f1": 0.2}}, baseline) == [
        "news dates: no result (floor 0.5300)"
    ]
    assert check_gate(held, baseline, tolerance=0.0) == [
        "plover f1: 0.2995 is below the floor 0.3000 by more than 0.0000"
    ]
    assert check_gate({}, tmp_path / "missing.json") == [
        f"baseline file {tmp_path / 'missing.json'} not found"
    ]


DATA = Path(__file__).resolve().parents[1] / "eval" / "data"


def test_shipped_gold_sets_load() -> None:
    plover = load_gold(DATA / "plover_gsr.jsonl")
    assert len(plover) == 322
    assert len({i.id for i in plover}) == 322
    assert {c for i in plover for e in i.events for c in e.classes} <= {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
    gsr = load_gold(DATA / "petr2_gsr_validation.jsonl")
    assert (len(gsr), sum(len(i.events) for i in gsr)) == (78, 80)
    (seed,) = load_gold(DATA / "tabnak-837703.gold.json")
    assert seed.date == "2018-09-27"
    assert "Shamkhani" in seed.text
    assert sum(not e.optional for e in seed.events) == 12
    assert sum(e.optional for e in seed.events) == 4
    e6 = seed.events[5]
    assert ANY in e6.sources
    assert e6.classes == ("18", "19")
    assert (e6.lat, e6.lon) == (31.32, 48.67)


def test_petrarch_unit_suite_loads(shared: Path) -> None:
    unit = load_gold(shared / "data" / "eval" / "petr2_unittest_records.jsonl")
    assert (len(unit), len({i.id for i in unit})) == (284, 284)


def test_seed_annotation_without_its_text_is_an_error(tmp_path: Path) -> None:
    gold = tmp_path / "lost.gold.json"
    gold.write_text(json.dumps({"events": []}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"lost\.txt is neither beside it nor in samples/seed"):
        load_gold(gold)
