"""Yield (CAMEO 08) at home and bare rejections (12), on sentences written for these tests
(one behaviour per test)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.events.record import Explanation, build
from eventwire.pipeline import code_text
from eventwire.records import Event

pytestmark = pytest.mark.slow  # loads the spaCy model once

DAY = date(2021, 3, 10)


def events(text: str) -> list[Event]:
    return [e for e in code_text(text, DAY) if not e.negated]


def dyads(text: str) -> set[tuple[str, str, str]]:
    """(source country, target country, root)."""
    return {(e.source[:3], e.target[:3], e.root) for e in events(text)}


def test_domestic_yield_lifted_curfew_is_at_home() -> None:
    assert ("KEN", "KEN", "08") in dyads("Kenya lifted a curfew in the coastal region.")


def test_domestic_yield_eased_restrictions_is_at_home() -> None:
    found = dyads("The Egyptian government eased restrictions on the press.")
    assert ("EGY", "EGY", "08") in found


def test_domestic_yield_called_off_strike_is_at_home() -> None:
    assert ("SYR", "SYR", "08") in dyads("Syria called off the strike.")


def test_domestic_yield_withdrawal_is_not_at_home() -> None:
    # a military retreat (0874) with no one named is not aimed at the source's own state
    found = dyads("Russia withdrew its troops on Monday.")
    assert ("RUS", "RUS", "08") not in found


def test_extra_verb_bare_reject_is_120() -> None:
    found = events("Iran rejected the peace plan proposed by France.")
    assert [(e.source[:3], e.target[:3], e.cameo) for e in found if e.root == "12"] == [
        ("IRN", "FRA", "120")
    ]


def test_extra_verb_refuse_object_is_120() -> None:
    assert ("TUR", "USA", "12") in dyads("Turkey refused American assistance.")


def test_extra_verb_dictionary_pattern_wins_over_fallback() -> None:
    found = events("Kenya rejected the Ugandan offer of talks.")
    assert [e.cameo for e in found if e.root == "12"] == ["125"]


def test_grievance_target_is_the_one_complained_about() -> None:
    found = dyads("Greece complained to the European Union over Turkish flights.")
    assert ("GRC", "TUR", "11") in found


def test_grievance_without_named_party_keeps_addressee() -> None:
    found = events("Kenya complained to the African Union about the drought.")
    assert [e.target for e in found if e.root == "11"] == ["IGOAFRAU"]


def test_resignation_is_plover_retreat_resign() -> None:
    events = code_text("The Peruvian prime minister resigned on Monday.", DAY)
    assert events, "a resignation is an event"
    found = {(e.cameo[:3], e.plover, e.plover_mode) for e in events}
    assert found == {("083", "RETREAT", "resign")}


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
    assert event.plover == "CONCEDE"
