"""Event dates: time expressions in the parse, resolved against the publication day, per clause.

1. Find the time expressions of each sentence (spaCy DATE entities, weekday and relative words,
   Jalali day-month pairs) and resolve each to a day: explicit dates with dateparser, weekdays and
   "yesterday"-style words by our own rules (the tense of the governing verb picks past or future).
2. An event takes the expression of its own clause (inside the trigger's subtree or governing
   it), else the sentence's main-clause expression.
3. "N days after <clause>" dates the events of that clause N days before the main clause's date
   (``anchored``).
4. Otherwise the event inherits the narrative's current date: the last main-clause date of an
   earlier sentence (``inherited``), else the publication day (``published``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from eventwire.whenwhere.calendars import (
    WEEKDAYS,
    jalali_day_month,
    jalali_month_names,
    weekday_date,
)

_RELATIVE_DAYS = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "overnight": 0,
    "tomorrow": 1,
    "last week": -7,
    "next week": 7,
    "the day before": -1,
}
_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_WEEKDAY_RE = re.compile(r"\b(?:(last|next|this|past)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_AGO_RE = re.compile(r"\b(\d+|" + "|".join(_NUMBERS) + r")\s+(days?|weeks?)\s+ago\b", re.I)
_SPAN_RE = re.compile(r"\b(\d+|" + "|".join(_NUMBERS) + r")\s+(days?|weeks?)\b", re.I)
_MONTH_WORD = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\d{4}-\d{2}-\d{2}", re.I
)
_JALALI_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(jalali_month_names()) + r")")
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_EXTRA_WORDS = re.compile(r"\b(" + "|".join(sorted(_RELATIVE_DAYS, key=len, reverse=True)) + r")\b")


@dataclass(frozen=True)
class TimeRef:
    """A time expression resolved to a day; offsets are characters of the body."""

    start: int
    end: int
    text: str
    day: date | None  # None for a span of time ("four days") that only anchors
    basis: str  # explicit | relative
    head: int  # index of the token the expression hangs from (its syntactic anchor)
    span_days: int | None = None  # "four days" in "four days after ..."


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower())


def _anchor(token: Any) -> Any:
    """The verb (or event noun's verb) a time expression belongs to."""
    node = token
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node


def _is_future(verb: Any) -> bool:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX or "going" in aux:
        return True
    # "is to meet" / "plans to meet": an infinitive under a present-tense verb points ahead.
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _explicit(text: str, published: date, future: bool) -> date | None:
    import dateparser  # only articles with explicit dates pay for its import

    settings: Any = {
        "RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": ["day", "month"],
        "STRICT_PARSING": False,
    }
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found else None


def _resolve(text: str, published: date, verb: Any) -> tuple[date | None, str, int | None]:
    """(day, basis, span in days) of one expression's text."""
    lowered = text.lower().strip()
    future = _is_future(verb)
    ago = _AGO_RE.search(lowered)
    if ago:
        count = _number(ago[1]) or 0
        return published - timedelta(days=count * _UNIT_DAYS[ago[2].lower()]), "relative", None
    weekday = _WEEKDAY_RE.search(lowered)
    if weekday and not _MONTH_WORD.search(lowered):
        shift = {"last": "last", "past": "last", "next": "next"}.get((weekday[1] or "").lower(), "")
        day = weekday_date(weekday[2], published, future=future, shift=shift)
        return day, "relative", None
    for words, offset in _RELATIVE_DAYS.items():
        if re.search(rf"\b{words}\b", lowered):
            return published + timedelta(days=offset), "relative", None
    jalali = _JALALI_RE.search(text)
    if jalali:
        return jalali_day_month(int(jalali[1]), jalali[2], published), "explicit", None
    if _MONTH_WORD.search(lowered) or re.search(r"\d{1,2}/\d{1,2}", lowered):
        return _explicit(text, published, future), "explicit", None
    span = _SPAN_RE.search(lowered)
    units = _number(span[1]) if span else None
    if span and units:
        return None, "relative", units * _UNIT_DAYS[span[2].lower()]
    return None, "relative", None


def time_refs(parsed: Any, published: date) -> list[TimeRef]:
    """Every resolvable time expression of a parsed body, in text order."""
    refs: list[TimeRef] = []
    taken: set[int] = set()
    spans = [ent for ent in parsed.ents if ent.label_ in ("DATE", "TIME")]
    # Words spaCy does not always tag: weekdays, "yesterday", Jalali dates written in Persian.
    for pattern in (_WEEKDAY_RE, _EXTRA_WORDS, _JALALI_RE):
        for match in pattern.finditer(parsed.text):
            span = parsed.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                spans.append(span)
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        verb = _anchor(span.root)
        day, basis, span_days = _resolve(span.text, published, verb)
        if day is None and span_days is None:
            continue
        taken.update(range(span.start, span.end))
        refs.append(
            TimeRef(span.start_char, span.end_char, span.text, day, basis, span.root.i, span_days)
        )
    return refs


@dataclass(frozen=True)
class EventDate:
    day: date
    basis: str  # explicit | relative | anchored | inherited | published
    evidence: str  # the words that gave the date, for explanations


def _clause_root(token: Any) -> Any:
    """The verb heading the clause a token is in (the sentence root for main clauses)."""
    node = token
    while node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in ("ROOT", "ccomp", "advcl", "pcomp"):
            return node
        node = node.head
    return node


def _anchored_clause(span_head: Any) -> tuple[Any, Any] | None:
    """("after"/"before", the clause it introduces) for a time span such as "four days".

    Two parses occur: "four days after <clause>" with the span hanging from the preposition, and
    "four days after gunmen attacked" with the span and the marker both under the clause's verb.
    """
    head = span_head.head
    if head.lower_ in ("after", "before"):
        # "four days after a bomb exploded": when the marker hangs from the clause's verb, the
        # clause is that verb's, not the marker's own (empty) subtree.
        return head, head.head if head.dep_ == "mark" else head
    marks = [c for c in head.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    return (marks[0], head) if marks else None


class Timeline:
    """Dates for the events of one document, sentence by sentence in reading order."""

    def __init__(self, parsed: Any, published: date) -> None:
        self.parsed = parsed
        self.published = published
        self.refs = time_refs(parsed, published)
        self._index = {sent.start: i for i, sent in enumerate(parsed.sents)}
        self._frames = self._narrative()

    def _sentence_refs(self, sent: Any) -> list[TimeRef]:
        return [r for r in self.refs if sent.start <= r.head < sent.end]

    def _narrative(self) -> list[EventDate | None]:
        """For each sentence, the date in force from earlier sentences (None before any)."""
        frames: list[EventDate | None] = []
        current: EventDate | None = None
        for sent in self.parsed.sents:
            frames.append(current)
            for ref in self._sentence_refs(sent):
                if ref.day is not None and _clause_root(self.parsed[ref.head]).i == sent.root.i:
                    current = EventDate(ref.day, "inherited", ref.text)
                    break
        return frames

    def date_of(self, trigger: Any) -> EventDate:
        """The date of the event whose trigger word is ``trigger`` (a token of the parse)."""
        sent = trigger.sent
        refs = self._sentence_refs(sent)
        inherited = self._frames[self._index.get(sent.start, 0)]
        clause = _clause_root(trigger)
        # 2. An expression inside the trigger's own clause, or hanging from the trigger.
        for ref in refs:
            head = self.parsed[ref.head]
            if ref.day is not None and (
                _clause_root(head).i == clause.i
                or _anchor(head).i == trigger.i
                or trigger.left_edge.i <= head.i <= trigger.right_edge.i
            ):
                return EventDate(ref.day, ref.basis, ref.text)
        # 3. "N days after <clause with the trigger>": the main clause's date minus N.
        for ref in refs:
            anchored = _anchored_clause(self.parsed[ref.head]) if ref.span_days else None
            if anchored is None:
                continue
            word, clause_top = anchored
            if clause_top.left_edge.i <= trigger.i <= clause_top.right_edge.i:
                base = self._main_date(sent, refs, inherited)
                sign = -1 if word.lower_ == "after" else 1
                return EventDate(
                    base.day + timedelta(days=sign * (ref.span_days or 0)),
                    "anchored",
                    f"{ref.text} {word.text} ({base.basis} {base.day.isoformat()})",
                )
        # 2b. The sentence's main-clause expression.
        main = self._main_date(sent, refs, None)
        if main.basis != "published":
            return main
        # 4. The narrative's date, else the publication day.
        return inherited or EventDate(self.published, "published", "")

    def date_stated(self, trigger: Any, stating: Any = None) -> EventDate:
        """The day an intent was stated: a date in the clause of the verb stating it ("said on
        Monday he will visit China next week"), not one inside the intent's own clause; else
        the narrative's date, else the publication day."""
        if stating is not None:
            clause = _clause_root(stating)
            for ref in self._sentence_refs(trigger.sent):
                head = self.parsed[ref.head]
                if ref.day is not None and (
                    _clause_root(head).i == clause.i or _anchor(head).i == stating.i
                ):
                    return EventDate(ref.day, ref.basis, ref.text)
        inherited = self._frames[self._index.get(trigger.sent.start, 0)]
        return inherited or EventDate(self.published, "published", "")

    def _main_date(self, sent: Any, refs: list[TimeRef], fallback: EventDate | None) -> EventDate:
        for ref in refs:
            if ref.day is not None and _clause_root(self.parsed[ref.head]).i == sent.root.i:
                return EventDate(ref.day, ref.basis, ref.text)
        return fallback or EventDate(self.published, "published", "")
