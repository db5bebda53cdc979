"""The record contract: the event record's keys are DESIGN.md's, in one place, in one order."""

from __future__ import annotations

import dataclasses

from eventwire.records import EVENT_KEYS, Event, Location


def _event() -> Event:
    return Event(
        event_id="e",
        doc_id="d",
        sentence=0,
        text="t",
        span=(0, 1),
        source="IRN",
        source_name="Iran",
        target="ISR",
        target_name="Israel",
        cameo="138",
        root="13",
        plover="THREATEN",
        plover_mode=None,
        quad_class=3,
        goldstein=-7.0,
        date="2018-09-26",
        date_basis="inherited",
        location=Location("Tehran", "IRN"),
        negated=False,
        confidence=0.9,
        rule="pattern",
    )


def test_event_keys_are_the_dataclass_fields_in_order() -> None:
    assert tuple(f.name for f in dataclasses.fields(Event)) == EVENT_KEYS


def test_event_to_dict_has_exactly_the_contract_keys_in_order() -> None:
    assert tuple(_event().to_dict()) == EVENT_KEYS
