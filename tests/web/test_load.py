"""A bounded load test on loopback: 50 concurrent clients against the API and the pages.

The server runs as users run it (`eventwire serve`, its own process, 127.0.0.1, a free port).
EVENTWIRE_LOAD_SECONDS sets the duration (5 s here; docs/performance.md has a 30 s run).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO
from tests.web.builders import fill

from eventwire.store import open_store

SCRIPT = REPO / "benchmarks" / "web_load.py"


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_serve_under_50_concurrent_clients_answers_every_request(
    tmp_path: Path, workers: int
) -> None:
    url = f"sqlite:///{tmp_path / 'load.db'}"
    with open_store(url) as store:
        fill(store)
    seconds = os.environ.get("EVENTWIRE_LOAD_SECONDS", "5")
    result = subprocess.run(
        [
            *(sys.executable, str(SCRIPT), "--db", url, "--clients", "50"),
            *("--seconds", seconds, "--workers", str(workers)),
        ],
        capture_output=True,
        text=True,
        timeout=float(seconds) + 120,
        check=False,
    )
    assert result.stdout, result.stderr
    figures = json.loads(result.stdout)
    print(f"\nweb load: {json.dumps(figures)}")
    assert figures["errors"] == 0, figures["first_failures"]
    assert figures["requests"] >= 50
    assert figures["workers"] == workers
    # Every path of the script was asked and answered, the two the issue names among them.
    assert len(figures["per_path"]) == 14
    assert {"/", "/api/events?limit=50"} <= set(figures["per_path"])
    assert result.returncode == 0
