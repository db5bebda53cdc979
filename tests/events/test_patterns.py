"""Which verbs a dictionary pattern applies to, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.events.coder import code_text
from eventwire.events.patterns import _compiled, lexicon

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


def test_owner_is_kept_only_for_patterns_without_a_noun() -> None:
    owned = [c for block in lexicon().patterns for c in _compiled(block) if c.owner]
    assert owned, "the dictionary has bare-preposition patterns with a named verb"
    for c in owned:
        p = c.pattern
        assert not any(pp.objects for pp in (*p.before_preps, *p.after_preps)), p
