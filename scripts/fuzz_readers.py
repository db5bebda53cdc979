"""Coverage-guided fuzzing of the readers with atheris; run by hand for a fixed time, not in CI.

    .venv/bin/pip install atheris            # a wheel for CPython 3.11 on x86-64 Linux
    .venv/bin/python scripts/fuzz_readers.py -max_total_time=300 [-max_len=4096] [corpus_dir]

Each input's first byte picks the format (or detection), the rest is the file. A reader must
turn any bytes into Articles and ReadFailures: any exception is a finding, saved by libFuzzer as
``crash-<hash>``. Turn each finding into a test (tests/sources/test_fuzz_findings.py) before
fixing it. A corpus directory (e.g. a copy of tests/fixtures) seeds the search.
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports(include=["eventwire"]):
    from eventwire.records import Article, ReadFailure
    from eventwire.sources import FORMATS, read_stream

CHOICES = (None, *FORMATS)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    fmt = CHOICES[data[0] % len(CHOICES)]
    for result in read_stream(io.BytesIO(data[1:]), "fuzz", fmt, max_bytes=100_000):
        if not isinstance(result, Article | ReadFailure):
            raise TypeError(f"reader yielded {type(result).__name__}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
