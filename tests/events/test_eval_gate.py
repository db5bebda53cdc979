"""CI evaluation gate: every gold set shipped in eval/data, every measure at its floor.

The floors live in eval/baseline.json; the sets are copies in the repository, so the gate runs
in a fresh clone with nothing beside it.  The coder is deterministic, so the tolerance only
absorbs rounding: losing one event on any set fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import evaluate
from eventwire.evaluate import gold_coder
from eventwire.news_eval import evaluate_news

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "eval" / "data"
BASELINE = REPO / "eval" / "baseline.json"
SENTENCE_SETS = {
    "seed": "tabnak-837703.gold.json",
    "plover": "plover_gsr.jsonl",
    "petr2_gsr": "petr2_gsr_validation.jsonl",
}


def measured() -> dict[str, dict[str, float]]:
    results = {
        name: evaluate.measures(evaluate.run(DATA / path, name, gold_coder))
        for name, path in SENTENCE_SETS.items()
    }
    results["news"] = evaluate_news(DATA / "wikinews_gold.jsonl").measures()
    return results


def test_eval_gate_holds_every_floor() -> None:
    failures = evaluate.check_gate(measured(), BASELINE)
    assert not failures, "; ".join(failures)


if __name__ == "__main__":  # print the figures, to raise a floor in the commit that earns it
    import json

    print(json.dumps({k: {m: round(v, 4) for m, v in r.items()} for k, r in measured().items()}))
