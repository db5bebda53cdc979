"""The server that forks worker processes, started before the command needs it.

Kept apart from :mod:`eventwire.parallel` (which imports the whole pipeline) so that a command
can start the server as soon as it knows it will code on several processes, before importing
the pipeline itself: the server loads spaCy and the lexicons (:mod:`eventwire.preload`) while
the command goes on with its own imports and its input.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os

# What the forkserver imports before it forks any worker: the warm start that loads the models
# once, and the main script (the default preload). Python 3.11 never passes the main script's
# path to the server, so each worker imports it after the fork instead: the CLI keeps that import
# light (tests/test_parallel.py).
PRELOAD = ["__main__", "eventwire.preload"]


def default_workers() -> int:
    return max(1, (os.cpu_count() or 1))


def start_workers() -> None:
    """Start the server that forks the workers now, so that it loads the models meanwhile.

    Call it as soon as a command knows it will code on several processes: the server loads
    spaCy and the lexicons (:mod:`eventwire.preload`) while this process goes on reading its
    input, and the pool's workers are forked from it with all of that in place. It runs once
    per process; the server and its workers keep the environment of that moment (model, user
    dictionaries: set them first). :func:`eventwire.parallel.process_parallel` calls it too.
    """
    context = multiprocessing.get_context("forkserver")
    # The preload list only counts when the server starts (a no-op once it runs).
    context.set_forkserver_preload(PRELOAD)
    multiprocessing.forkserver.ensure_running()


__all__ = ["PRELOAD", "default_workers", "start_workers"]
