"""Why an event was missed or coded falsely: one cause per error, read off the coded article.

The scorer (:mod:`eventwire.news_eval`) knows which gold events found no prediction and which
predictions found no gold event; this module looks at the same sentence in the coded
Document (its actors, its events, its parse) and names the first cause that explains the error,
so the breakdown points at the stage to work on:

- ``no actor found`` / ``actor without a country``: a gold actor's country is not among the
  coded actors of the sentence (and the sentence has no / some uncoded actor mention);
- ``verb or noun not in the lexicon``: the actors are there, no trigger of the gold's root is;
- ``parties not linked``: actors and a trigger of the root are there, yet no event joined them;
- ``wrong sense``: an event on the same parties with another root (or nothing the gold codes);
- ``wrong source`` / ``wrong target`` / ``self-target``: the root is right, a side is not (a
  self-target names the source's own country as the target);
- ``negation/modality``: the coder read the trigger as negated, hypothetical or asked for, or
  coded an event in a sentence that only says what might, should or will not happen;
- ``one event for two``: the prediction that fits went to another gold event of the sentence
  (a mutual act coded in one direction);
- ``coded twice``: a second prediction of a gold event already matched;
- ``plain statement``: a CAMEO 01 statement, which the gold does not code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventwire.document import Document
from eventwire.events import nominal
from eventwire.events.mood import mood_of
from eventwire.events.patterns import match_verb
from eventwire.goldsets import ANY, UNKNOWN, GoldEvent, PredEvent, country

NO_ACTOR = "no actor found"
NO_COUNTRY = "actor without a country"
NOT_IN_LEXICON = "verb or noun not in the lexicon"
NOT_LINKED = "parties not linked"
WRONG_SENSE = "wrong sense"
WRONG_SOURCE = "wrong source"
WRONG_TARGET = "wrong target"
SELF_TARGET = "self-target"
MODALITY = "negation/modality"
ONE_FOR_TWO = "one event for two"
TWICE = "coded twice"
STATEMENT = "plain statement"
# Issues of a matched event, reported beside the causes of errors.
DATE = "date"
PLACE = "place"
SECTOR = "actor sector"

MISS_CAUSES = (
    NO_ACTOR,
    NO_COUNTRY,
    NOT_IN_LEXICON,
    NOT_LINKED,
    WRONG_SENSE,
    WRONG_SOURCE,
    WRONG_TARGET,
    SELF_TARGET,
    MODALITY,
    ONE_FOR_TWO,
)
FALSE_CAUSES = (
    WRONG_SENSE,
    WRONG_SOURCE,
    WRONG_TARGET,
    SELF_TARGET,
    NO_COUNTRY,
    MODALITY,
    TWICE,
    STATEMENT,
)
MATCH_ISSUES = (DATE, PLACE, SECTOR)

# Words that make a sentence say what might, should, will not or did not happen.
_MODAL_RE = re.compile(
    r"\b(?:if|unless|whether|would|could|may|might|should|must|not|never|no longer|"
    r"plans? to|planned to|wants? to|wanted to|intends? to|hopes? to|threaten\w*)\b|n't\b|\?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cause:
    """A cause and the evidence for it (the prediction or trigger that shows it)."""

    name: str
    detail: str = ""


def _side_ok(allowed: frozenset[str], code: str) -> bool:
    return ANY in allowed or country(code) in allowed


def _countries(allowed: frozenset[str]) -> set[str]:
    return set(allowed) - {ANY, UNKNOWN}


class SentenceView:
    """What the coder saw in some sentences of a coded Document: actors, events, triggers."""

    def __init__(self, doc: Document, sentences: Iterable[int]) -> None:
        self.doc = doc
        self.indexes = frozenset(sentences)
        mentioned = [
            actor for actor in doc.actors if any(m.sentence in self.indexes for m in actor.mentions)
        ]
        self.coded = {country(a.code) for a in mentioned if a.code} - {UNKNOWN}
        self.uncoded = [a.name for a in mentioned if not a.code]
        self.events = [e for e in doc.events if e.sentence in self.indexes]

    def actor_cause(self, allowed: frozenset[str]) -> Cause | None:
        """Why a gold side's country is not among the sentence's coded actors, if it is not."""
        wanted = _countries(allowed)
        if not wanted or wanted & self.coded:
            return None
        if self.uncoded:
            return Cause(NO_COUNTRY, f"uncoded: {', '.join(sorted(set(self.uncoded))[:4])}")
        return Cause(NO_ACTOR, f"no actor of {'/'.join(sorted(wanted))} in the sentence")

    def triggers(self, root: str) -> list[tuple[str, str]]:
        """Words of the sentences the lexicon codes with ``root``: (word, mood or "")."""
        parsed = self.doc.parsed
        if parsed is None:
            return []
        found = []
        for idx, sent in enumerate(parsed.sents):
            if idx not in self.indexes:
                continue
            for token in sent:
                if token.pos_ == "VERB":
                    m = match_verb(token)
                    if m is not None and (m.code.forward or "")[:2] == root:
                        mood = mood_of(token)
                        unreal = not mood.coded or mood.negated
                        found.append((token.text, mood.why or mood.kind if unreal else ""))
                else:
                    entry = nominal.event_noun(token)
                    if entry is not None and entry[0][:2] == root:
                        found.append((token.text, ""))
        return found


def miss_cause(
    gold: GoldEvent,
    view: SentenceView,
    root: str,
    taken: Sequence[PredEvent],
) -> Cause:
    """Why ``gold`` (an event of ``root``) found no prediction among the sentence's events.

    ``taken`` are the sentence's predictions that were matched to other gold events.
    """
    for pred in taken:
        # The prediction that fits, or its mirror image (one direction of a mutual act).
        mirror = PredEvent(pred.target, pred.source, pred.cameo, pred.root)
        if gold.accepts(pred, "news") or gold.accepts(mirror, "news"):
            return Cause(ONE_FOR_TWO, f"{pred.describe()} went to another gold event")
    same_root = [e for e in view.events if e.root == root]
    for event in same_root:
        if event.negated and _side_ok(gold.sources, event.source):
            return Cause(MODALITY, f"coded as negated: {event.source} -> {event.target}")
    for event in same_root:
        source_ok = _side_ok(gold.sources, event.source)
        target_ok = _side_ok(gold.targets, event.target)
        if source_ok and not target_ok:
            cause = view.actor_cause(gold.targets)
            if cause is not None:
                return cause
            self_aimed = country(event.target) == country(event.source) != UNKNOWN
            return Cause(SELF_TARGET if self_aimed else WRONG_TARGET, _found(event))
        if target_ok and not source_ok:
            return view.actor_cause(gold.sources) or Cause(WRONG_SOURCE, _found(event))
    for event in view.events:
        if _side_ok(gold.sources, event.source) and _side_ok(gold.targets, event.target):
            return Cause(WRONG_SENSE, _found(event))
    for side in (gold.sources, gold.targets):
        cause = view.actor_cause(side)
        if cause is not None:
            return cause
    triggers = view.triggers(root)
    unreal = [(word, why) for word, why in triggers if why]
    if triggers and len(unreal) == len(triggers):
        word, why = unreal[0]
        return Cause(MODALITY, f"'{word}': {why}")
    if triggers:
        return Cause(NOT_LINKED, f"trigger '{triggers[0][0]}'")
    if same_root:
        return Cause(WRONG_TARGET, _found(same_root[0]))
    return Cause(NOT_IN_LEXICON, f"no word of root {root} coded")


def false_cause(pred: PredEvent, golds: Sequence[GoldEvent], sentence: str) -> Cause:
    """Why ``pred`` matched no gold event; ``golds`` are the gold events of its sentence."""
    if any(g.accepts(pred, "news") for g in golds):
        return Cause(TWICE, "the gold event it fits is matched already")
    self_aimed = country(pred.target) == country(pred.source) != UNKNOWN
    for gold in golds:
        if pred.root not in gold.classes:
            continue
        source_ok = _side_ok(gold.sources, pred.source)
        if source_ok:
            return Cause(SELF_TARGET if self_aimed else WRONG_TARGET, _expected(gold))
        if not pred.source:
            return Cause(NO_COUNTRY, _expected(gold))
        return Cause(WRONG_SOURCE, _expected(gold))
    for gold in golds:
        if _side_ok(gold.sources, pred.source) and _side_ok(gold.targets, pred.target):
            return Cause(WRONG_SENSE, f"gold codes {'/'.join(gold.classes)}")
    if pred.root == "01":
        return Cause(STATEMENT)
    if not golds and (modal := _MODAL_RE.search(sentence)) is not None:
        return Cause(MODALITY, modal.group(0))
    if self_aimed:
        return Cause(SELF_TARGET)
    if golds:
        return Cause(WRONG_SENSE, f"gold codes {'/'.join(golds[0].classes)} here")
    return Cause(WRONG_SENSE, "the gold codes no event in this sentence")


def _found(event: object) -> str:
    source = getattr(event, "source", "") or "?"
    target = getattr(event, "target", "") or "?"
    return f"coded {source} -> {target} {getattr(event, 'cameo', '')}"


def _expected(gold: GoldEvent) -> str:
    def side(allowed: frozenset[str]) -> str:
        return "/".join(sorted(allowed)) or "?"

    return f"gold {side(gold.sources)} -> {side(gold.targets)} {gold.code or ''}".rstrip()
