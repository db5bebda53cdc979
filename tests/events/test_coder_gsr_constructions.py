"""General constructions found through the PETR2 GSR misses (issue 16, helper petr7), on
sentences written for these tests; each asserts the exact set of events its sentence yields
(tests/events/conftest.py)."""

from __future__ import annotations

import pytest
from tests.events.conftest import countries

pytestmark = pytest.mark.slow  # loads the spaCy model once


# An appeal or demand whose complement clause is passive: its subject is acted upon, and the
# one asked to act (a court, a captor) is unnamed (sides.clause_subject_deps).


def test_hope_passive_clause_names_no_one_asked() -> None:
    text = "Kenya's minister said he hoped the Somali commanders would be tried in Nairobi."
    assert countries(text) == set()


def test_demand_passive_clause_names_no_one_asked() -> None:
    assert countries("Turkey demanded that the Greek soldiers be released.") == set()


def test_hope_active_clause_asks_its_subject() -> None:
    assert countries("France hopes Iran will join the talks.") == {("FRA", "026", "IRN")}


def test_demand_active_clause_asks_its_subject() -> None:
    assert countries("Britain demanded that Iran release the sailors.") == {("GBR", "100", "IRN")}
