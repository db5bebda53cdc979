"""The coder's thinc operations: thinc's numbers from numpy's BLAS and a vectorised maxout."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps, get_current_ops
from threadpoolctl import threadpool_info

from eventwire import cpu_ops, nlp
from eventwire.errors import ConfigError


@pytest.mark.parametrize("pieces", [1, 2, 3, 4])
def test_maxout_gives_thincs_best_and_which_ties_included(pieces: int) -> None:
    rng = numpy.random.default_rng(pieces)
    # Few distinct values, so that many units have ties: thinc takes the first piece that holds
    # the maximum, and so must we.
    X = rng.integers(-2, 3, size=(500, 16, pieces)).astype("float32")
    X[0, 0, :] = 1.0  # every piece tied
    best, which = cpu_ops.CoderOps().maxout(X)
    thinc_best, thinc_which = NumpyOps().maxout(X)
    assert best.dtype == thinc_best.dtype
    assert which.dtype == thinc_which.dtype
    assert numpy.array_equal(best, thinc_best)
    assert numpy.array_equal(which, thinc_which)
    assert which[0, 0] == 0


def test_matrix_products_are_numpys_and_equal_thincs_to_rounding() -> None:
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((300, 96), dtype="float32")
    y = rng.standard_normal((288, 96), dtype="float32")
    ours = cpu_ops.CoderOps().gemm(x, y, trans2=True)
    assert numpy.array_equal(ours, x @ y.T)
    numpy.testing.assert_allclose(ours, NumpyOps().gemm(x, y, trans2=True), rtol=1e-4, atol=1e-4)


def test_the_coders_pipeline_computes_with_coder_ops_on_one_blas_thread() -> None:
    pipeline = nlp.load()
    # The shared tok2vec, and the entity recogniser's own (its maxout layers)
    layers = list(pipeline.get_pipe("tok2vec").model.walk())
    ner_maxouts = [m for m in pipeline.get_pipe("ner").model.walk() if m.name == "maxout"]
    assert len(ner_maxouts) == 5  # the embedding's and the four window encoders'
    assert {type(layer.ops) for layer in layers + ner_maxouts} == {cpu_ops.CoderOps}
    assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}
    # Models built afterwards get thinc's own operations again.
    assert type(get_current_ops()) is NumpyOps


def test_blis_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MATMUL", "blis")
    with cpu_ops.coder_ops():
        assert type(get_current_ops()) is NumpyOps


def test_an_unknown_matmul_choice_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MATMUL", "mkl")
    with pytest.raises(ConfigError, match="EVENTWIRE_MATMUL must be 'numpy' or 'blis', not 'mkl'"):
        cpu_ops.matmul()
