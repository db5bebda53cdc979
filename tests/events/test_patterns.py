"""Which verbs a dictionary pattern applies to, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.events import codes, extra_verbs, nominal
from eventwire.events.patterns import _compiled, lexicon
from eventwire.pipeline import code_text

pytestmark = pytest.mark.slow  # loads the spaCy model once

DAY = date(2019, 6, 1)


def roots(text: str) -> set[str]:
    return {e.root for e in code_text(text, DAY) if not e.negated}


def test_bare_preposition_pattern_is_an_idiom_of_its_own_verb() -> None:
    # "call on" is an appeal; "telephoned X on Tuesday" (same block) is not.
    assert "02" in roots("Chile called on Peru to release the fishermen.")
    assert "02" not in roots("Chile telephoned Peru's president on Tuesday.")


def test_noun_pattern_applies_to_every_verb_of_its_block() -> None:
    # The REVOKE block's "restrictions" pattern was written for one verb; its sense is the noun's.
    assert "08" in roots("The Chilean government cancelled restrictions on Peruvian traders.")
    assert "08" in roots("The Chilean government revoked restrictions on Peruvian traders.")


def test_of_equal_matches_the_pattern_written_for_the_verb_wins() -> None:
    # APPROVE's "&TREATY" (031) and RATIFY's "&TREATY" (057) share a block and a length.
    assert "05" in roots("Chile ratified the border treaty with Peru on Monday.")
    assert "03" in roots("Chile approved the border treaty with Peru on Monday.")


def test_owner_is_kept_only_for_patterns_without_a_noun() -> None:
    owned = [c for block in lexicon().patterns for c in _compiled(block) if c.owner]
    assert owned, "the dictionary has bare-preposition patterns with a named verb"
    for c in owned:
        p = c.pattern
        assert not any(pp.objects for pp in (*p.before_preps, *p.after_preps)), p


def events(text: str) -> set[tuple[str, str, str]]:
    return {(e.source[:3], e.target[:3], e.cameo) for e in code_text(text, DAY) if not e.negated}


def test_paired_code_adds_the_targets_act() -> None:
    # RECEIVE + AMBASSADOR is [043:042]: the host hosts, the ambassador's state visits.
    found = events("The Chilean president received the Peruvian ambassador on Monday.")
    assert ("CHL", "PER", "043") in found
    assert ("PER", "CHL", "042") in found


def test_reverse_only_code_is_the_other_partys_act() -> None:
    # RECEIVE + ASSURANCE is [:030]: the one who gave the assurance expressed the intent.
    found = events("The Chilean government received assurances from the Peruvian government.")
    assert ("PER", "CHL", "030") in found
    assert not any(src == "CHL" for src, _, _ in found)


def test_symmetric_paired_code_is_recorded_once() -> None:
    found = events("The Chilean foreign minister held talks with his Peruvian counterpart.")
    assert any(src == "CHL" and tgt == "PER" for src, tgt, _ in found)
    assert not any(src == "PER" and tgt == "CHL" for src, tgt, _ in found)


def test_no_paired_act_for_an_intent() -> None:
    found = events("The Chilean president will receive the Peruvian ambassador next week.")
    assert not any(src == "PER" for src, _, _ in found)


def test_owner_named_by_an_inflected_form_is_that_verb() -> None:
    # "- * AGAINST [141] # RALLIED" is the protest sense of "rally", not of "mobilize".
    found = roots("The Peruvian army mobilized reservists against Chile on Monday.")
    assert "14" not in found
    assert "14" in roots("Peruvian students rallied against the Chilean government on Monday.")


def test_appeal_pattern_on_a_demand_verb_is_a_demand() -> None:
    # DEMAND's "- * SUPPORT [022] # URGE" names what is asked for; "demand" makes it a demand.
    found = {e.cameo for e in code_text("Chile demanded support from Peru on Monday.", DAY)}
    assert "102" in found
    assert not any(code.startswith("02") for code in found)


def test_verb_without_default_is_coded_only_by_its_patterns() -> None:
    assert code_text("The Peruvian summit took place in Lima on Monday.", DAY) == []
    assert code_text("The Peruvian court ruled on Monday that the vote was valid.", DAY) == []
    # A TAKE pattern still codes: "- * &HOSTAGE [181]".
    found = roots("Peruvian rebels took three Chilean engineers hostage on Monday.")
    assert "18" in found


def test_take_part_idiom_stays_with_take() -> None:
    assert "03" not in roots("Peruvian troops captured part of a Chilean rebel stronghold.")


def test_words_of_a_when_phrase_do_not_match_patterns() -> None:
    # MAKE's "- * TRIP [036]" is for "made a trip", not "made remarks at the start of a trip".
    found = roots("The UN chief made his remarks in Lima at the start of a regional trip.")
    assert "03" not in found
    assert "03" in roots("The Chilean minister will make a trip to Peru.")


def test_on_the_day_of_is_a_when_phrase() -> None:
    # "- * STRIKE [082]" (halted a strike) is not "stopped work on the first day of the strike".
    assert "08" not in roots("Peruvian miners stopped work on the first day of the strike.")


def test_event_nouns_are_one_table_of_cameo_codes() -> None:
    assert "talk" in nominal.EVENT_NOUNS
    assert "hunger strike" in nominal.EVENT_NOUNS
    for noun, (code, preps) in nominal.EVENT_NOUNS.items():
        assert codes.is_valid(code), (noun, code)
        assert all(p.isalpha() for p in preps), noun
    # The supplementary verb table no longer holds nouns: they have one home.
    assert {e.kind for e in extra_verbs.entries()} == {"verb"}
    with pytest.raises(ValueError, match=r"event_nouns\.tsv"):
        extra_verbs.parse("noun\triot\t145\tagainst\t145 Protest violently\n")
