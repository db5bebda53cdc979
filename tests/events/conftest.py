"""Helpers of the coder tests: what a sentence codes, as exact sets, and hand-built parses.

Sentence tests run the whole pipeline (the spaCy model) and compare the EXACT set of
(source, CAMEO code, target) a sentence yields, so an extra event fails as a missing one does:
``coded`` at full actor codes, ``countries`` at country prefixes (``""`` is an unnamed side).
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.records import Event

# The publication day of every sentence test unless it says another.
DAY = date(2019, 6, 1)

Coded = set[tuple[str, str, str]]


def coder_bug(reason: str) -> pytest.MarkDecorator:
    """Marks a test whose exact set today's coder misses with a wrong event (``reason`` names
    it and says why it is wrong): the test fails loudly the day the bug is fixed."""
    return pytest.mark.xfail(strict=True, reason=reason)


def events(text: str, day: date = DAY) -> list[Event]:
    """Every event the pipeline codes in ``text``, negated ones included."""
    from eventwire.pipeline import code_text

    return code_text(text, day)


def coded(text: str, day: date = DAY) -> Coded:
    """(source, CAMEO code, target) of the non-negated events of ``text``."""
    return {(e.source, e.cameo, e.target) for e in events(text, day) if not e.negated}


def negated(text: str, day: date = DAY) -> Coded:
    """(source, CAMEO code, target) of the events ``text`` denies ("did not attack")."""
    return {(e.source, e.cameo, e.target) for e in events(text, day) if e.negated}


def countries(text: str, day: date = DAY) -> Coded:
    """(source country, CAMEO code, target country) of the non-negated events of ``text``."""
    return {(s[:3], code, t[:3]) for s, code, t in coded(text, day)}
