"""Scoring coded events against gold sets: loaders, one-to-one matching, reports, the baseline gate.

A prediction matches a gold event when the event class (PLOVER type for the ``plover`` set, CAMEO
root otherwise) and the source and target countries agree; see ``docs/evaluation.md`` for the rules
and why they are as strict as they are.  The coder is a parameter (:func:`run`), so the scorer
measures any coder; :func:`gold_coder` is the pipeline's.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.goldsets import (
    ANY,
    SETS,
    UNKNOWN,
    GoldEvent,
    GoldItem,
    PredEvent,
    country,
    guess_set,
    load_gold,
    load_petr,
    load_plover,
    load_seed,
)
from eventwire.pipeline import Document, code_document
from eventwire.records import Article, Event
from eventwire.sources.detect import sniff_format
from eventwire.sources.scraped import parse_scraped

__all__ = [
    "ANY",
    "SETS",
    "UNKNOWN",
    "GoldEvent",
    "GoldItem",
    "PredEvent",
    "Report",
    "check_gate",
    "country",
    "gold_coder",
    "load_gold",
    "load_petr",
    "load_plover",
    "load_seed",
    "measures",
    "run",
    "score",
]

PLACE_KM = 25.0
# The coder is deterministic: any lost event is a drop (one event moves a figure by >= 0.001).
GATE_TOLERANCE = 0.0005


# -- matching and the report -----------------------------------------------------------------


@dataclass
class ClassCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0


@dataclass
class Finding:
    """A miss or a false positive, with enough text to look it up."""

    item: str
    what: str
    text: str


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of the counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    set_name: str
    items: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_matched: int = 0
    absorbed: int = 0  # extra per-party predictions of a multi-party gold event
    per_class: dict[str, ClassCounts] = field(default_factory=dict)
    misses: list[Finding] = field(default_factory=list)
    false_positives: list[Finding] = field(default_factory=list)
    date_checked: int = 0
    date_correct: int = 0
    place_checked: int = 0
    place_correct: int = 0

    @property
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    @property
    def date_accuracy(self) -> float | None:
        return self.date_correct / self.date_checked if self.date_checked else None

    @property
    def place_accuracy(self) -> float | None:
        return self.place_correct / self.place_checked if self.place_checked else None

    def count(self, cls: str | None, kind: str) -> None:
        counts = self.per_class.setdefault(cls or "(none)", ClassCounts())
        setattr(counts, kind, getattr(counts, kind) + 1)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["per_class"] = {k: asdict(v) for k, v in sorted(self.per_class.items())}
        for name in ("precision", "recall", "f1", "date_accuracy", "place_accuracy"):
            value = getattr(self, name)
            data[name] = None if value is None else round(value, 4)
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_markdown(self, limit: int = 20) -> str:
        lines = [
            f"## {self.set_name}: F1 {self.f1:.3f} (P {self.precision:.3f}, R {self.recall:.3f})",
            "",
            f"{self.items} items; tp {self.tp}, fp {self.fp}, fn {self.fn}; optional matched "
            f"{self.optional_matched}; extra multi-party predictions {self.absorbed}.",
        ]
        if self.date_accuracy is not None or self.place_accuracy is not None:
            lines.append(
                f"Date accuracy {_pct(self.date_accuracy)} of {self.date_checked}; place within "
                f"{PLACE_KM:g} km {_pct(self.place_accuracy)} of {self.place_checked}."
            )
        lines += ["", "| class | tp | fp | fn |", "|---|---:|---:|---:|"]
        for cls, c in sorted(self.per_class.items()):
            lines.append(f"| {cls} | {c.tp} | {c.fp} | {c.fn} |")
        for title, found in (("Misses", self.misses), ("False positives", self.false_positives)):
            lines += ["", f"### {title} ({len(found)})", ""]
            lines += [f"- `{f.item}` {f.what}: {f.text[:160]}" for f in found[:limit]]
            if len(found) > limit:
                lines.append(f"- ... {len(found) - limit} more")
        return "\n".join(lines) + "\n"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _closeness(gold: GoldEvent, pred: PredEvent) -> tuple[bool, bool, bool]:
    """Sort key: False sorts first, so a prediction agreeing on more details comes first."""
    near = (
        gold.lat is not None
        and gold.lon is not None
        and pred.lat is not None
        and pred.lon is not None
        and km(gold.lat, gold.lon, pred.lat, pred.lon) <= PLACE_KM
    )
    return pred.cameo != gold.code, pred.date != gold.date, not near


def match_one_to_one(
    golds: list[GoldEvent],
    preds: list[PredEvent],
    set_name: str,
    which: list[int],
    same_sentence: Callable[[int, int], bool] | None = None,
) -> dict[int, int]:
    """Maximum one-to-one matching of gold events ``which`` to predictions (augmenting paths).

    Closer predictions (from the gold event's own sentence when ``same_sentence`` can tell, then
    same code, same day, same place) are tried first, so that among equally large matchings the
    one pairing like with like is found: in a whole article, an event of another sentence is
    paired only when none of its own is left; the matrices are tiny (a sentence or an article),
    so the simple augmenting-path search is plenty.
    """
    owner: dict[int, int] = {}  # prediction -> gold

    def options(g: int) -> list[int]:
        ok = [p for p, pred in enumerate(preds) if golds[g].accepts(pred, set_name)]
        return sorted(
            ok,
            key=lambda p: (
                same_sentence is not None and not same_sentence(g, p),
                *_closeness(golds[g], preds[p]),
            ),
        )

    def augment(g: int, visited: set[int]) -> bool:
        for p in options(g):
            if p not in visited:
                visited.add(p)
                if p not in owner or augment(owner[p], visited):
                    owner[p] = g
                    return True
        return False

    for g in which:
        augment(g, set())
    return {g: p for p, g in owner.items()}


def _score_item(item: GoldItem, preds: list[PredEvent], set_name: str, report: Report) -> None:
    golds = list(item.events)
    required = [g for g, ev in enumerate(golds) if not ev.optional]
    matched = match_one_to_one(golds, preds, set_name, required)
    # Optional events only take predictions the required ones left over.
    rest = [p for p in range(len(preds)) if p not in matched.values()]
    optional = match_one_to_one(
        golds, [preds[p] for p in rest], set_name, [g for g, ev in enumerate(golds) if ev.optional]
    )
    matched.update({g: rest[p] for g, p in optional.items()})
    used = set(matched.values())
    pairs: dict[int, set[tuple[str, str]]] = {
        g: {(country(preds[p].source), country(preds[p].target))} for g, p in matched.items()
    }
    for g, ev in enumerate(golds):
        if g in matched:
            pred = preds[matched[g]]
            if ev.optional:
                report.optional_matched += 1
                continue
            report.tp += 1
            report.count(pred.event_class(set_name), "tp")
            if ev.date:
                report.date_checked += 1
                report.date_correct += pred.date == ev.date
            if ev.lat is not None and ev.lon is not None:
                report.place_checked += 1
                if pred.lat is not None and pred.lon is not None:
                    report.place_correct += km(ev.lat, ev.lon, pred.lat, pred.lon) <= PLACE_KM
        elif not ev.optional:
            report.fn += 1
            report.count(ev.classes[0] if ev.classes else None, "fn")
            what = f"{'|'.join(sorted(ev.sources))} -> {'|'.join(sorted(ev.targets))} " + "|".join(
                ev.classes
            )
            report.misses.append(Finding(item.id, what, ev.label or item.text))
    for p, pred in enumerate(preds):
        if p in used:
            continue
        # A further party of a multi-party gold event (one event per nation) is not an error.
        pair = (country(pred.source), country(pred.target))
        home = next(
            (
                g
                for g in matched
                if golds[g].multi and golds[g].accepts(pred, set_name) and pair not in pairs[g]
            ),
            None,
        )
        if home is not None:
            pairs[home].add(pair)
            report.absorbed += 1
            continue
        report.fp += 1
        report.count(pred.event_class(set_name), "fp")
        report.false_positives.append(Finding(item.id, pred.describe(), pred.text or item.text))


def score(gold: list[GoldItem], predicted: dict[str, list[PredEvent]], set_name: str) -> Report:
    """Score predictions (by item id) against gold items; items without predictions score none."""
    report = Report(set_name, items=len(gold))
    for item in gold:
        preds = predicted.get(item.id, [])
        if set_name == "plover":
            # The PLOVER output is the events with a PLOVER type (what the PLOVER export
            # writes): a CAMEO statement (01) or appeal (02) has none, and is no PLOVER claim.
            preds = [p for p in preds if p.plover]
        _score_item(item, preds, set_name, report)
    return report


def gold_coder(item: GoldItem) -> list[Event]:
    """The pipeline as a coder for :func:`run`: the item's text and date, negated events out.

    A gold text in the scraped page layout (the seed) is read as `eventwire code` reads it.
    """
    published = date.fromisoformat(item.date) if item.date else None
    article: Article | None = None
    if sniff_format(item.text[:4096].encode("utf-8")) == "scraped":
        parsed = parse_scraped(item.text, item.id)
        if isinstance(parsed, Article):
            article = parsed
            article.id = item.id
    if article is None:
        article = Article(id=item.id, text=item.text, published=published)
    events = code_document(Document(article=article)).events
    return [e for e in events if not e.negated]


def run(
    gold_path: Path | str, set_name: str | None, coder: Callable[[GoldItem], list[Event]]
) -> Report:
    """Code every gold item with ``coder`` and score the result."""
    items = load_gold(gold_path, set_name)
    kind = set_name or guess_set(Path(gold_path))
    predicted = {item.id: [PredEvent.from_event(e) for e in coder(item)] for item in items}
    return score(items, predicted, kind)


def measures(report: Report) -> dict[str, float]:
    """The figures of a sentence-set or seed report that the gate keeps floors for."""
    found = {"f1": report.f1, "precision": report.precision, "recall": report.recall}
    if report.date_accuracy is not None:
        found["dates"] = report.date_accuracy
    if report.place_accuracy is not None:
        found["places"] = report.place_accuracy
    return found


def check_gate(
    results: dict[str, dict[str, float]],
    baseline_path: Path | str,
    tolerance: float | None = None,
) -> list[str]:
    """Failures of the baseline gate: measures that fell below their floor by more than the
    tolerance (the baseline's ``tolerance``, else ``GATE_TOLERANCE``).

    The baseline maps set name -> {measure: floor}; every number in it is a floor (other keys,
    such as ``note``, are comments).  A set or measure in the baseline but missing from
    ``results`` fails too: a gate that silently skips is no gate.
    """
    path = Path(baseline_path)
    if not path.exists():
        return [f"baseline file {path} not found"]
    baseline: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    allowed = float(baseline.get("tolerance", GATE_TOLERANCE) if tolerance is None else tolerance)
    failures = []
    for name, floors in sorted(baseline.items()):
        if not isinstance(floors, dict):
            continue
        for measure, floor in sorted(floors.items()):
            if isinstance(floor, bool) or not isinstance(floor, int | float):
                continue
            value = results.get(name, {}).get(measure)
            if value is None:
                failures.append(f"{name} {measure}: no result (floor {floor:.4f})")
            elif value < floor - allowed:
                failures.append(
                    f"{name} {measure}: {value:.4f} is below the floor {floor:.4f} "
                    f"by more than {allowed:.4f}"
                )
    return failures
