"""Parallel coding: a warm forkserver, workers that code like one process, a light CLI import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import SAMPLES

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
WIKINEWS = SAMPLES / "wikinews" / "articles.jsonl"


def _python(code: str, **env: str) -> str:
    """Run ``code`` in a fresh interpreter (this one has imported everything already)."""
    environ = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**environ, **env},
        timeout=120,
    )
    return done.stdout.strip()


def test_cli_import_leaves_the_heavy_modules_unloaded() -> None:
    # The main script is imported by the parent and by every worker before any work: the
    # readers, the store and spaCy load inside the commands that use them.
    heavy = ("spacy", "numpy", "sqlalchemy", "alembic", "trafilatura", "eventwire.store")
    loaded = _python(
        f"import sys, eventwire.cli; print([m for m in {heavy!r} if m in sys.modules])"
    )
    assert loaded == "[]"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_preload_warms_the_pipeline_and_leaves_one_thread() -> None:
    # The forkserver forks workers after this import: it must hold no other thread then.
    code = (
        "import os, gc, eventwire.preload as p\n"
        "from eventwire.actors.lexicon import default_lexicon\n"
        "from eventwire.nlp import load\n"
        "print(p.WARM, len(os.listdir('/proc/self/task')), gc.get_freeze_count() > 100000,\n"
        "      load.cache_info().currsize, default_lexicon.cache_info().currsize)"
    )
    assert _python(code) == "True 1 True 1 1"


def test_preload_never_raises_on_a_broken_setup() -> None:
    # A missing model must reach the workers as their usual StageFailure, not kill the server.
    out = _python("import eventwire.preload as p; print(p.WARM)", EVENTWIRE_MODEL="no_such_model")
    assert out == "False"


def _code(path: Path, workers: int) -> list[str]:
    done = subprocess.run(
        [EVENTWIRE, "code", str(path), "--format", "jsonl", "--workers", str(workers)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return done.stdout.splitlines()


@pytest.mark.slow
def test_two_workers_code_what_one_process_codes(tmp_path: Path) -> None:
    # Workers forked from the warm server (model, lexicons and indexes loaded once, collector
    # frozen) must code exactly as a single process that loads everything itself, and keep the
    # input order over a batch of 32 and one of 8.
    with WIKINEWS.open(encoding="utf-8") as lines:
        records = [json.loads(next(lines)) for _ in range(40)]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    one, two = _code(path, 1), _code(path, 2)
    assert len(one) > 10
    assert two == one
