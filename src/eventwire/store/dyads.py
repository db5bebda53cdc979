"""A dyad's weekly cooperation–conflict series, with the weeks that break from its own baseline.

The early-warning view ICEWS users built by hand: for two actors or countries (code prefixes),
events per ISO week by quad class and their mean Goldstein score, and a flag on each week whose
conflict share or mean Goldstein lies far from what the pair did in the weeks before it.

The database groups by day and quad class (one small aggregate, the same SQL on SQLite and
PostgreSQL, which spell "ISO week" differently); days are folded into ISO weeks here.

The break rule (:class:`BreakRule`), documented in ``docs/web.md``: for a week with events, the
*history* is the weeks with events among the ``window`` calendar weeks before it. With at least
``min_history`` such weeks, the week breaks when its conflict share (quad classes 3 and 4 over
all its events) or its mean Goldstein differs from the history's mean by more than ``threshold``
standard deviations of the history. The standard deviation is floored (``share_floor``,
``goldstein_floor``) so that a perfectly steady history does not flag every small change.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, case, func, or_, select

from eventwire.store.events import CODE_PATTERNS, EVENTS, FilterError, code_prefix

QUAD_CLASSES = (1, 2, 3, 4)
# How the two codes match actor codes, as the events filter's ``match`` says it.
MATCH_MODES = ("prefix", "exact")
CONFLICT = (3, 4)


@dataclass(frozen=True)
class BreakRule:
    """When a week breaks from the pair's baseline (see the module's docstring)."""

    window: int = 12
    threshold: float = 2.0
    min_history: int = 4
    share_floor: float = 0.1
    goldstein_floor: float = 1.0

    def __post_init__(self) -> None:
        if not 2 <= self.window <= 104:
            raise FilterError("window", f"{self.window} is not 2–104 weeks")
        if not 0 < self.threshold <= 10:
            raise FilterError("threshold", f"{self.threshold} is not above 0 and at most 10")
        if not 2 <= self.min_history <= self.window:
            raise FilterError(
                "min_history", f"{self.min_history} is not 2–{self.window} (the window)"
            )

    def describe(self) -> str:
        return (
            f"a week breaks when its conflict share or mean Goldstein lies more than "
            f"{self.threshold:g} standard deviations from the mean of the weeks with events among "
            f"the {self.window} weeks before it, given at least {self.min_history} such weeks "
            f"(standard deviation at least {self.share_floor:g} for the share and "
            f"{self.goldstein_floor:g} for Goldstein)"
        )


@dataclass(frozen=True)
class Dyad:
    """Two actor codes, matched as prefixes (IRN finds IRNGOV) or, with ``match="exact"``,
    whole (as a network edge counts them); ``directed`` keeps only events from ``a`` to ``b``;
    ``since`` and ``until`` bound the weeks shown (whole ISO weeks: the weeks that hold them are
    shown in full), not the baseline read before them."""

    a: str
    b: str
    directed: bool = False
    since: dt.date | None = None
    until: dt.date | None = None
    match: str = "prefix"

    def __post_init__(self) -> None:
        for name in ("a", "b"):
            value = getattr(self, name)
            code = value.strip().upper() if isinstance(value, str) else ""
            if not code:
                raise FilterError(name, "missing: give an actor code prefix (IRN)")
            if not re.fullmatch(CODE_PATTERNS["actor"], code):
                raise FilterError(
                    name, f"{value!r} is not an actor code prefix, letters and digits (IRN)"
                )
            object.__setattr__(self, name, code)
        if self.match not in MATCH_MODES:
            raise FilterError("match", f"{self.match!r}; choose one of {', '.join(MATCH_MODES)}")
        if self.since is not None and self.until is not None and self.since > self.until:
            raise FilterError("until", f"until ({self.until}) is before since ({self.since})")


@dataclass
class Week:
    """One ISO week of the dyad: counts by quad class, mean Goldstein and the break verdict."""

    week: str  # "2024-W03"
    start: dt.date  # its Monday
    end: dt.date  # its Sunday
    events: int = 0
    a_to_b: int = 0
    b_to_a: int = 0
    by_quad: dict[int, int] = field(default_factory=lambda: dict.fromkeys(QUAD_CLASSES, 0))
    goldstein: float | None = None
    conflict_share: float | None = None
    history: int = 0  # weeks with events in the trailing window
    baseline_share: float | None = None
    baseline_goldstein: float | None = None
    breaks: list[str] = field(default_factory=list)
    _gold_sum: float = 0.0
    _gold_n: int = 0

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if not k.startswith("_")}
        out["by_quad"] = {str(k): v for k, v in self.by_quad.items()}
        for name, digits in (("conflict_share", 4), ("goldstein", 3)):
            out[name] = _rounded(out[name], digits)
        return out


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def from_to(source: str, target: str, match: str) -> Any:
    c = EVENTS.c
    if match == "exact":
        return and_(c.source == source, c.target == target)
    return and_(code_prefix(c.source, source), code_prefix(c.target, target))


def dyad_condition(dyad: Dyad) -> Any:
    """Events from a to b, and from b to a unless the dyad is directed."""
    forward = from_to(dyad.a, dyad.b, dyad.match)
    return forward if dyad.directed else or_(forward, from_to(dyad.b, dyad.a, dyad.match))


# (day, quad class, a→b?, events, Goldstein sum, events with a score)
DayRow = tuple[dt.date, Any, bool, int, Any, int]


def daily_counts(
    conn: Connection, dyad: Dyad, since: dt.date | None, until: dt.date | None
) -> tuple[list[DayRow], int]:
    """The dyad's affirmed events from ``since`` to ``until`` grouped by day, quad class and
    direction (DayRow), and how many affirmed events have no date (they fall in no week). An
    event that matches both directions (overlapping prefixes, IRN and IRNGOV) counts as a→b."""
    c = EVENTS.c
    base = (dyad_condition(dyad), c.negated.is_(False))
    period: list[ColumnElement[bool]] = [c.date.is_not(None)]
    if since is not None:
        period.append(c.date >= since)
    if until is not None:
        period.append(c.date <= until)
    forward = case((from_to(dyad.a, dyad.b, dyad.match), 1), else_=0).label("forward")
    stmt = (
        select(
            c.date,
            c.quad_class,
            forward,
            func.count(),
            func.sum(c.goldstein),
            func.count(c.goldstein),
        )
        .where(*base, *period)
        .group_by(c.date, c.quad_class, forward)
        .order_by(c.date, c.quad_class, forward)
    )
    rows = [(_day(d), q, bool(f), int(n), s, int(k)) for d, q, f, n, s, k in conn.execute(stmt)]
    undated = conn.execute(select(func.count()).where(*base, c.date.is_(None))).scalar_one()
    return rows, int(undated)


def _day(value: Any) -> dt.date:
    # Dates come back as text from aggregates on SQLite.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def fold_weeks(rows: list[DayRow]) -> list[Week]:
    """Every ISO week from the first event's to the last's (empty weeks too, so gaps show)."""
    if not rows:
        return []
    first, last = monday(rows[0][0]), monday(rows[-1][0])
    weeks: dict[dt.date, Week] = {}
    start = first
    while start <= last:
        weeks[start] = Week(iso_week(start), start, start + dt.timedelta(days=6))
        start += dt.timedelta(days=7)
    for day, quad, forward, n, gold_sum, scored in rows:
        week = weeks[monday(day)]
        week.events += n
        if forward:
            week.a_to_b += n
        else:
            week.b_to_a += n
        if quad in week.by_quad:
            week.by_quad[quad] += n
        if scored:
            week._gold_sum += float(gold_sum)
            week._gold_n += scored
    for week in weeks.values():
        if week.events:
            week.conflict_share = sum(week.by_quad[q] for q in CONFLICT) / week.events
        if week._gold_n:
            week.goldstein = week._gold_sum / week._gold_n
    return list(weeks.values())


def _mean_sd(values: list[float]) -> tuple[float, float]:
    mean = sum(values) / len(values)
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def mark_breaks(weeks: list[Week], rule: BreakRule) -> None:
    """Set each week's baseline and breaks by ``rule`` (weeks are consecutive ISO weeks)."""
    for i, week in enumerate(weeks):
        if not week.events:
            continue
        history = [w for w in weeks[max(0, i - rule.window) : i] if w.events]
        week.history = len(history)
        if len(history) < rule.min_history:
            continue
        for name, floor in (
            ("conflict_share", rule.share_floor),
            ("goldstein", rule.goldstein_floor),
        ):
            value = getattr(week, name)
            known = [p for p in (getattr(w, name) for w in history) if p is not None]
            if value is None or len(known) < rule.min_history:
                continue
            mean, sd = _mean_sd(known)
            if name == "conflict_share":
                week.baseline_share = round(mean, 4)
            else:
                week.baseline_goldstein = round(mean, 3)
            # Rounded to 12 places: 0.1 + 0.2 must not differ from 0.3 by a float's last bit.
            if round(abs(value - mean) - rule.threshold * max(sd, floor), 12) > 0:
                week.breaks.append(name)


def dyad_series(conn: Connection, dyad: Dyad, rule: BreakRule | None = None) -> dict[str, Any]:
    """The dyad's weekly series with breaks marked, as plain values (the API's answer).

    Negated events are left out (the text denies them) and undated ones counted apart.
    """
    rule = rule or BreakRule()
    # The weeks before ``since`` are read too, as the first weeks' baseline, and then dropped.
    shown = None if dyad.since is None else monday(dyad.since)
    first = None if shown is None else shown - dt.timedelta(weeks=rule.window)
    last = None if dyad.until is None else monday(dyad.until) + dt.timedelta(days=6)
    rows, undated = daily_counts(conn, dyad, first, last)
    weeks = fold_weeks(rows)
    mark_breaks(weeks, rule)
    if shown is not None:
        weeks = [w for w in weeks if w.start >= shown]
        if not any(w.events for w in weeks):
            weeks = []
    return {
        "a": dyad.a,
        "b": dyad.b,
        "directed": dyad.directed,
        "match": dyad.match,
        "since": dyad.since,
        "until": dyad.until,
        "events": sum(w.events for w in weeks),
        "undated": undated,
        "rule": {**asdict(rule), "text": rule.describe()},
        "weeks": [w.as_dict() for w in weeks],
    }
