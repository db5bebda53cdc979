"""A speed floor that holds on any machine: eventwire against raw spaCy, same texts, same cores.

`benchmarks/throughput.py` on a small slice (30 Wikinews articles, one process each side, one
turn): a ratio of two runs on the same machine moves much less from machine to machine than a
time does, so the ceilings are generous (the issue's target is 1.10; see docs/performance.md for
the figures on the 120 articles).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.conftest import REPO

from eventwire import pipeline

SCRIPT = REPO / "benchmarks" / "throughput.py"
# Start-up excluded: eventwire's coding of the 30 articles against raw spaCy's parse of them.
# Measured 1.73 and 1.81 (wall) before issue 20's stage work, 1.33 after it (session 8, quiet
# machine), 1.23 and 1.30 in session 9, 0.97 and 1.00 in session 10 (numpy's matrix products,
# passes of 16 texts on both sides); the start-up subtraction moves a 30-article ratio by ~0.2
# from run to run. Our stages doubling their cost would cross this (the target is 1.10
# on 120 articles).
CEILING = 1.35


@pytest.mark.slow
def test_code_stays_within_the_ceiling_of_raw_spacy_and_reports_every_stage() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--articles", "30", "--repeat", "1", "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    print(f"\nthroughput: {result.stderr}")
    (side,) = figures["equal_terms"]
    assert side["processes"] == 1
    assert side["events"] > 0
    assert side["ratio_excluded"] < CEILING, side
    assert side["ratio_cpu_excluded"] < CEILING, side
    stages = figures["stages"]
    assert stages["failures"] == 0
    assert list(stages["cpu_s_per_1000_words"]) == [name for name, _ in pipeline.STAGES]
    assert stages["cpu_s"]["nlp"] > 0
    assert stages["cpu_s"]["events"] > 0
