"""thinc's CPU operations for the coder's pipeline: numpy's BLAS and a vectorised maxout.

The networks of spaCy's small English pipeline spend most of the parse in two thinc operations,
and both have a cheaper way to the same numbers:

- **Matrix products.** thinc multiplies with blis; numpy's bundled OpenBLAS picks kernels for
  the CPU it runs on, and on this project's machine it was 1.2-1.9x faster on the shapes the
  pipeline multiplies (``benchmarks/`` and docs/performance.md). Sums taken in another order
  differ in the last digits: tags, labels, heads, lemmas and entities were the same on every
  token of the Wikinews sample, and only ``Doc.tensor`` (which eventwire does not read) differs.
  ``EVENTWIRE_MATMUL=blis`` keeps thinc's own.
- **Maxout**, the largest of a few pieces each unit computes, in thinc's loop over every number:
  here as whole-array maxima and comparisons, exactly the same best values and the same
  ``which`` (the first piece holding the maximum).

One BLAS thread per process: eventwire spreads work over processes (``--workers``), and threads
on top would compete for the same cores (and make the one-process comparison with spaCy unequal).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops

from eventwire.errors import ConfigError

CHOICES = ("numpy", "blis")


def matmul() -> str:
    """Which library multiplies the networks' matrices: ``EVENTWIRE_MATMUL``, else numpy."""
    choice = os.environ.get("EVENTWIRE_MATMUL", "numpy")
    if choice not in CHOICES:
        raise ConfigError(f"EVENTWIRE_MATMUL must be 'numpy' or 'blis', not {choice!r}")
    return choice


class CoderOps(NumpyOps):  # type: ignore[misc]  # (thinc's Cython class is Any to mypy)
    """NumpyOps with numpy's matrix product (thinc's own, ``use_blis=False``) and maxout."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(use_blis=False, **kwargs)

    def maxout(self, X: Any) -> tuple[Any, Any]:
        # X is (rows, units, pieces); thinc's loop takes the first piece on ties.
        pieces = X.shape[-1]
        if pieces < 2:
            thincs: tuple[Any, Any] = super().maxout(X)
            return thincs
        best = numpy.maximum(X[..., 0], X[..., 1])
        for p in range(2, pieces):
            numpy.maximum(best, X[..., p], out=best)
        # which = how many leading pieces are below the maximum = the first piece that holds it.
        below = [X[..., 0] != best]
        for p in range(1, pieces - 1):
            below.append(below[-1] & (X[..., p] != best))
        if len(below) == 1:
            return best, below[0].astype("int32")
        which = numpy.add(below[0], below[1], dtype="int32")
        for more in below[2:]:
            which += more
        return best, which


@contextmanager
def coder_ops() -> Iterator[None]:
    """Models built inside use :class:`CoderOps` (unless ``EVENTWIRE_MATMUL=blis``)."""
    if matmul() == "blis":
        yield
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")
    previous = get_current_ops()
    set_current_ops(CoderOps())
    try:
        yield
    finally:
        set_current_ops(previous)
