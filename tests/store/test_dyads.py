"""The dyad view's weekly series on SQLite and PostgreSQL: exact counts, means and breaks on a
small store of known events (the arithmetic of each verdict is written beside it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from tests.store.test_events import _event

from eventwire.records import Article, Event
from eventwire.store import CodedParts, FilterError, Store
from eventwire.store.dyads import BreakRule, Dyad
from eventwire.store.stats import Explorer

# (source, target, quad class, Goldstein, day); ISO 2024-W01 starts on Monday 1 January.
KNOWN = [
    ("IRNGOV", "USA", 1, 3.0, "2024-01-02"),  # W01
    ("USA", "IRN", 1, 1.0, "2024-01-03"),  # W01
    ("USA", "IRNGOV", 2, 6.0, "2024-01-09"),  # W02; W03 has none
    ("IRN", "USAGOV", 1, 2.0, "2024-01-22"),  # W04
    ("IRN", "USA", 3, -2.0, "2024-01-29"),  # W05
    ("IRN", "USA", 1, 4.0, "2024-02-04"),  # W05 (its Sunday)
    ("IRN", "USA", 4, -10.0, "2024-02-06"),  # W06
    ("USA", "IRN", 4, -9.0, "2024-02-07"),  # W06
    ("IRN", "USA", 1, 3.0, "2024-02-12"),  # W07
    ("IRN", "USA", 3, None, "2024-02-13"),  # W07, no score
    ("IRN", "CHN", 4, -10.0, "2024-01-10"),  # another dyad
    ("FRA", "CHN", 1, 1.0, "2024-01-10"),  # another dyad
]


def _events() -> list[Event]:
    out = [
        _event(f"e{i:02d}", source=s, target=t, quad_class=q, goldstein=g, date=d, sentence=i)
        for i, (s, t, q, g, d) in enumerate(KNOWN)
    ]
    out.append(_event("neg", source="IRN", target="USA", quad_class=4, negated=True))
    out.append(_event("undated", source="IRN", target="USA", date=None))
    return out


@pytest.fixture
def explorer(store: Store, make_article: Callable[..., Article]) -> Explorer:
    assert store.add_article(make_article("a1"), CodedParts(events=_events()))
    return Explorer(store)


def _table(series: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            w["week"],
            w["events"],
            tuple(w["by_quad"][q] for q in "1234"),
            w["conflict_share"],
            w["goldstein"],
            w["history"],
            w["breaks"],
        )
        for w in series["weeks"]
    ]


def test_both_directions_by_iso_week_with_breaks(explorer: Explorer) -> None:
    series = explorer.dyad_series(Dyad("irn", "USA"))
    assert (series["a"], series["b"], series["directed"]) == ("IRN", "USA", False)
    assert series["events"] == 10  # the negated event is left out,
    assert series["undated"] == 1  # the undated one counted apart
    assert _table(series) == [
        ("2024-W01", 2, (2, 0, 0, 0), 0.0, 2.0, 0, []),
        ("2024-W02", 1, (0, 1, 0, 0), 0.0, 6.0, 1, []),
        ("2024-W03", 0, (0, 0, 0, 0), None, None, 0, []),  # empty weeks are shown, not judged
        ("2024-W04", 1, (1, 0, 0, 0), 0.0, 2.0, 2, []),
        ("2024-W05", 2, (1, 0, 1, 0), 0.5, 1.0, 3, []),  # 3 weeks of history < 4: no verdict
        # History W01 W02 W04 W05: share mean 0.125, sd 0.2165 → |1 − 0.125| > 2·0.2165;
        # Goldstein mean 2.75, sd 1.920 → |−9.5 − 2.75| > 2·1.920.
        ("2024-W06", 2, (0, 0, 0, 2), 1.0, -9.5, 4, ["conflict_share", "goldstein"]),
        # History of 5: share mean 0.3, sd 0.4 → |0.5 − 0.3| < 0.8; Goldstein mean 0.3, sd 5.19.
        ("2024-W07", 2, (1, 0, 1, 0), 0.5, 3.0, 5, []),
    ]
    assert [(w["a_to_b"], w["b_to_a"]) for w in series["weeks"]] == [
        (1, 1), (0, 1), (0, 0), (1, 0), (2, 0), (1, 1), (2, 0)
    ]  # fmt: skip
    w06 = series["weeks"][5]
    assert (w06["start"], w06["end"]) == (dt.date(2024, 2, 5), dt.date(2024, 2, 11))
    assert (w06["baseline_share"], w06["baseline_goldstein"]) == (0.125, 2.75)
    assert (series["rule"]["window"], series["rule"]["threshold"]) == (12, 2.0)


def test_the_order_of_the_pair_does_not_matter_without_direction(explorer: Explorer) -> None:
    forward = explorer.dyad_series(Dyad("IRN", "USA"))
    backward = explorer.dyad_series(Dyad("USA", "IRN"))
    assert _table(forward) == _table(backward)


def test_one_direction_keeps_only_a_to_b(explorer: Explorer) -> None:
    series = explorer.dyad_series(Dyad("IRN", "USA", directed=True))
    assert series["events"] == 7
    assert [(w["week"], w["events"]) for w in series["weeks"]] == [
        ("2024-W01", 1),
        ("2024-W02", 0),
        ("2024-W03", 0),
        ("2024-W04", 1),
        ("2024-W05", 2),
        ("2024-W06", 1),
        ("2024-W07", 2),
    ]
    assert [w["goldstein"] for w in series["weeks"]] == [3.0, None, None, 2.0, 1.0, -10.0, 3.0]


def test_rule_parameters_change_the_verdicts(explorer: Explorer) -> None:
    # min_history 3: W05 is judged on W01 W02 W04 — shares all 0 (sd floored to 0.1, and
    # 0.5 > 2·0.1), Goldstein mean 3.333, sd 1.886 (|1 − 3.333| < 3.77).
    series = explorer.dyad_series(Dyad("IRN", "USA"), BreakRule(min_history=3))
    assert [w["breaks"] for w in series["weeks"]][4:6] == [
        ["conflict_share"],
        ["conflict_share", "goldstein"],
    ]
    # A high threshold silences W06: 12.25 / 1.920 = 6.4 standard deviations.
    quiet = explorer.dyad_series(Dyad("IRN", "USA"), BreakRule(threshold=7))
    assert [w["breaks"] for w in quiet["weeks"]] == [[]] * 7
    # Window 2: W06 looks back at W04 and W05 only; empty weeks are not judged.
    short = explorer.dyad_series(Dyad("IRN", "USA"), BreakRule(window=2, min_history=2))
    assert [w["history"] for w in short["weeks"]] == [0, 1, 0, 1, 1, 2, 2]


def test_a_period_shows_whole_weeks_and_keeps_the_baseline_before_it(explorer: Explorer) -> None:
    # Wednesday 7 February is in W06: W06 is shown whole, judged on the weeks before it.
    late = explorer.dyad_series(Dyad("IRN", "USA", since=dt.date(2024, 2, 7)))
    assert _table(late) == _table(explorer.dyad_series(Dyad("IRN", "USA")))[5:]
    assert (late["events"], late["since"]) == (4, dt.date(2024, 2, 7))
    # Wednesday 10 January is in W02, shown to its Sunday (the 9th's event is in).
    early = explorer.dyad_series(Dyad("IRN", "USA", until=dt.date(2024, 1, 10)))
    assert [(w["week"], w["events"]) for w in early["weeks"]] == [("2024-W01", 2), ("2024-W02", 1)]
    # A period without the pair's events is empty, even with events before it.
    assert explorer.dyad_series(Dyad("IRN", "USA", since=dt.date(2024, 3, 1)))["weeks"] == []
    with pytest.raises(FilterError) as caught:
        Dyad("IRN", "USA", since=dt.date(2024, 3, 1), until=dt.date(2024, 2, 1))
    assert caught.value.field == "until"


def test_exact_match_leaves_out_longer_codes(explorer: Explorer) -> None:
    series = explorer.dyad_series(Dyad("IRN", "USA", match="exact"))
    # IRNGOV→USA (W01), USA→IRNGOV (W02) and IRN→USAGOV (W04) are left out.
    assert [(w["week"], w["events"]) for w in series["weeks"]] == [
        ("2024-W01", 1), ("2024-W02", 0), ("2024-W03", 0), ("2024-W04", 0),
        ("2024-W05", 2), ("2024-W06", 2), ("2024-W07", 2),
    ]  # fmt: skip
    assert (series["match"], series["undated"]) == ("exact", 1)
    with pytest.raises(FilterError) as caught:
        Dyad("IRN", "USA", match="fuzzy")
    assert caught.value.field == "match"


def test_a_pair_without_events_has_no_weeks(explorer: Explorer) -> None:
    series = explorer.dyad_series(Dyad("FRA", "USA"))
    assert (series["events"], series["undated"], series["weeks"]) == (0, 0, [])


@pytest.mark.parametrize(
    ("a", "b", "field"), [("", "USA", "a"), ("IRN", "US A", "b"), ("IRN;", "USA", "a")]
)
def test_bad_codes_name_the_side(a: str, b: str, field: str) -> None:
    with pytest.raises(FilterError) as caught:
        Dyad(a, b)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"window": 1}, "window"),
        ({"threshold": 0}, "threshold"),
        ({"min_history": 13}, "min_history"),
    ],
)
def test_bad_rule_parameters_name_the_parameter(fields: dict[str, Any], name: str) -> None:
    with pytest.raises(FilterError) as caught:
        BreakRule(**fields)
    assert caught.value.field == name
