"""Event records: the DESIGN.md contract filled from a coded dyad, and its explanation."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from eventwire import vocabulary
from eventwire.events import codes
from eventwire.records import Event, published_day

# Trigger lemmas of a resignation (PLOVER RETREAT, mode "resign").
RESIGNING = frozenset(vocabulary.listed("verb_classes", "resigning"))


@dataclass
class Explanation:
    """Why an event was coded: the verb or noun, the dictionary line, the parse path, the roles."""

    trigger: str  # the word that fired ("hosted", "strikes")
    lemma: str
    kind: str  # "verb" | "noun"
    rule: str  # "pattern:HOST:1234", "verb:ACCLAIM:88", "noun:strike"
    dictionary_line: str
    parse_path: str  # "nsubj←hosted→dobj"
    source_how: str
    target_how: str
    mood: str = "happened"
    mood_why: str = ""
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def event_id(doc_id: str, sentence: int, source: str, target: str, code: str) -> str:
    """A stable id: the same article coded again gives the same ids."""
    key = "\x1f".join((doc_id, str(sentence), source, target, code))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def confidence_of(explanation: Explanation, source: str, target: str) -> float:
    """A rough 0-1 score: patterns beat defaults, known actors beat unknown ones."""
    score = 0.5
    if explanation.rule.startswith("pattern:"):
        score += 0.2
    if source:
        score += 0.15
    if target:
        score += 0.1
    if explanation.source_how.startswith(("inherited", "scene", "relcl")):
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)


def build(
    *,
    doc_id: str,
    sentence: int,
    text: str,
    span: tuple[int, int],
    source: tuple[str, str],
    target: tuple[str, str],
    code: str,
    published: Any,
    negated: bool,
    explanation: Explanation,
) -> Event:
    """An Event for one dyad; ``source``/``target`` are (code, name)."""
    plover, mode = codes.plover_of(code)
    if code[:3] == "083" and explanation.lemma in RESIGNING:
        # CAMEO files a resignation under 083 (accede to demands for reform); PLOVER makes it
        # a mode of RETREAT ("resign"), whatever was demanded.
        plover, mode = "RETREAT", "resign"
    day = published_day(published)
    return Event(
        event_id=event_id(doc_id, sentence, source[0], target[0], code),
        doc_id=doc_id,
        sentence=sentence,
        text=text,
        span=span,
        source=source[0],
        source_name=source[1],
        target=target[0],
        target_name=target[1],
        cameo=code,
        root=codes.root_of(code),
        plover=plover,
        plover_mode=mode,
        quad_class=codes.quad_class_of(code),
        goldstein=codes.goldstein_of(code),
        date=day.isoformat() if day else None,
        date_basis="published" if day else "unknown",
        location=None,
        negated=negated,
        confidence=confidence_of(explanation, source[0], target[0]),
        rule=f"{explanation.rule} {explanation.parse_path}",
    )
