"""CI evaluation gate: F1 on each gold set must stay within 0.02 of eval/baseline.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import evaluate
from eventwire.events.coder import gold_coder

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
BASELINE = REPO / "eval" / "baseline.json"
GOLD = {
    "seed": "seed/tabnak-837703.gold.json",
    "plover": "eval/plover_gsr.jsonl",
    "petr2_gsr": "eval/petr2_gsr_validation.jsonl",
}


def test_eval_gate_holds_baseline(shared: Path) -> None:
    results = {
        name: evaluate.run(shared / "data" / path, name, gold_coder).f1
        for name, path in GOLD.items()
    }
    failures = evaluate.check_gate(results, BASELINE)
    assert not failures, "; ".join(failures)
