"""Warm start for worker processes: imported once by the forkserver, before it forks any worker.

Every worker needs the same read-only state: spaCy and its pipeline (~1 s), the actor lexicon
and its phrase and surname indexes, the verb patterns, the gazetteer, dateparser (~1.2 s more).
Loaded here, in the forkserver (a clean single-process server, see :mod:`eventwire.parallel`),
it is built once and every worker forked from the server starts with it in place (shared
copy-on-write pages), instead of each worker building its own copy after it starts.

Importing this module has that side effect on purpose (multiprocessing preloads by importing).
It never raises: a worker meets the same error again on its first article and reports it the
usual way (a StageFailure naming the stage).
"""

from __future__ import annotations

import gc
import os

from eventwire.pipeline import STAGES, Document, process_document
from eventwire.records import Article

# The forkserver forks workers, so it must not hold threads when it does. OpenBLAS (loaded with
# numpy by spaCy) starts a thread pool per core at load time
# unless told to use one thread. The workers do not need it: spaCy's matrix products go through
# blis, and each worker already has a core of its own. Set before anything imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# Names every kind of mention the stages look up (people, states, cities, a weekday and a date
# with a month, which loads dateparser, an agent and event verbs), so one pass through the
# pipeline triggers every lazy load behind them.
WARM_UP_TEXT = (
    "Iranian President Hassan Rouhani met German Chancellor Angela Merkel in Berlin on Monday. "
    "Rouhani said Iran would not accept new sanctions, and police arrested protesters in Tehran "
    "on 12 March 2019."
)


def warm() -> bool:
    """Load what every worker needs by coding one short article; whether that worked."""
    # Loading builds a few million long-lived objects; the collector would walk them again and
    # again meanwhile. Frozen afterwards, they stay out of every later collection, in the server
    # and in the workers, whose collections would otherwise also write to (and so copy) the
    # pages they share with the server (the gc.freeze recipe for servers that fork).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        article = Article(id="eventwire-preload", text=WARM_UP_TEXT)
        # Every stage, the MinHash one too: its permutations are drawn once, here (no SciPy
        # import since issue 20, so `code`'s workers, which skip the stage, lose nothing).
        stages = list(STAGES)
        return isinstance(process_document(Document(article=article), stages), Document)
    except Exception:  # see the module docstring: the workers report it
        return False
    finally:
        if was_enabled:
            gc.enable()
        gc.freeze()


WARM = warm()
