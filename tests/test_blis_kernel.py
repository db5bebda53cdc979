"""The pinned NLP stack and its fast BLAS kernel: a regression here costs 2.7x in parse speed."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version

import pytest


def test_nlp_stack_versions_are_the_pinned_ones() -> None:
    assert (version("spacy"), version("thinc"), version("blis")) == ("3.8.3", "8.3.3", "1.1.0")


@pytest.mark.skipif(sys.platform != "linux", reason="kernel selection is printed by libblis")
def test_blis_selects_a_cpu_specific_kernel_not_the_generic_one() -> None:
    # blis >= 1.2 (pulled by spaCy >= 3.8.4) falls back to the generic kernel on this machine's
    # CPU, 2.7x slower (MODELS.md); BLIS_ARCH_DEBUG=1 makes libblis name the kernel it picks.
    code = "import numpy, blis.py; a = numpy.ones((8, 8), 'float32'); blis.py.gemm(a, a)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"BLIS_ARCH_DEBUG": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    chosen = re.search(r"sub-configuration '(\w+)'", result.stdout + result.stderr)
    assert chosen is not None, result.stdout + result.stderr
    assert chosen.group(1) != "generic"
