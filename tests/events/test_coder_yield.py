"""Yield (CAMEO 08) at home and bare rejections (12), on sentences written for these tests
(one behaviour per test); each asserts the exact set of events its sentence yields
(tests/events/conftest.py)."""

from __future__ import annotations

import pytest
from tests.events.conftest import coded, countries, events

from eventwire.events.record import Explanation, build

pytestmark = pytest.mark.slow  # loads the spaCy model once


def test_domestic_yield_lifted_curfew_is_at_home() -> None:
    assert countries("Kenya lifted a curfew in the coastal region.") == {("KEN", "0813", "KEN")}


def test_domestic_yield_eased_restrictions_is_at_home() -> None:
    found = coded("The Egyptian government eased restrictions on the press.")
    assert found == {("EGYGOV", "080", "EGY")}


def test_domestic_yield_called_off_strike_is_at_home() -> None:
    assert countries("Syria called off the strike.") == {("SYR", "082", "SYR")}


def test_domestic_yield_withdrawal_is_not_at_home() -> None:
    # a military retreat (0874) with no one named is not aimed at the source's own state
    assert events("Russia withdrew its troops on Monday.") == []


def test_extra_verb_bare_reject_is_120() -> None:
    assert countries("Iran rejected the peace plan proposed by France.") == {("IRN", "120", "FRA")}


def test_extra_verb_refuse_object_is_120() -> None:
    assert countries("Turkey refused American assistance.") == {("TUR", "120", "USA")}


def test_extra_verb_dictionary_pattern_wins_over_fallback() -> None:
    assert countries("Kenya rejected the Ugandan offer of talks.") == {("KEN", "125", "UGA")}


def test_grievance_target_is_the_one_complained_about() -> None:
    found = countries("Greece complained to the European Union over Turkish flights.")
    assert found == {("GRC", "114", "TUR")}


def test_grievance_without_named_party_keeps_addressee() -> None:
    found = coded("Kenya complained to the African Union about the drought.")
    assert found == {("KEN", "114", "IGOAFRAFU")}


def test_resignation_is_plover_retreat_resign() -> None:
    found = events("The Peruvian prime minister resigned on Monday.")
    assert [(e.source, e.cameo, e.target, e.plover, e.plover_mode) for e in found] == [
        ("PERGOV", "0831", "PER", "RETREAT", "resign")
    ]


def test_other_reform_concessions_stay_concede() -> None:
    why = Explanation("acceded", "accede", "verb", "test", "", "", "", "", "happened")
    event = build(
        doc_id="d",
        sentence=0,
        text="t",
        span=(0, 1),
        source=("PER", "Peru"),
        target=("PER", "Peru"),
        code="083",
        published=None,
        negated=False,
        explanation=why,
    )
    assert (event.cameo, event.plover) == ("083", "CONCEDE")
