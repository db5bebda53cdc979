"""Event dates: time expressions in the parse, resolved against the publication day, per clause.

1. Find the time expressions of each sentence (spaCy DATE entities, day ranges, weekday and
   relative words, Jalali day-month pairs) and resolve each to the period it names
   (``whenwhere.expressions``): a day, a calendar week, a month or a year. Weekdays and
   "yesterday"-style words are counted from the publication day, "the next day"-style words
   from the date the story is telling; the tense of the governing verb picks past or future.
2. An event takes the expression of its own clause (inside the trigger's subtree or governing
   it), else the sentence's main-clause expression.
3. "N days after <clause>" dates the events of that clause N days before the main clause's date
   (``anchored``).
4. Otherwise the event inherits the narrative's current date (``inherited``): the last
   main-clause day of an earlier sentence, else the publication day (``published``). A
   background paragraph ("On September 19, 2018, Cyprus and Egypt had signed ...") dates its
   own sentences, not the paragraphs after it: those go back to the lead's day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from eventwire.whenwhere.calendars import (
    WEEKDAYS,
    jalali_day_month,
    jalali_month_names,
    weekday_date,
)
from eventwire.whenwhere.expressions import (
    MONTH_NAME,
    RANGE_RE,
    TIME_WORDS_RE,
    Period,
    TimeWord,
    day_range,
    explicit_day,
    month_of_relative_year,
    month_or_year,
    shifted,
    time_word,
    year_of,
)

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
_NUMBER = r"(\d+|" + "|".join(_NUMBERS) + r")"
_WEEKDAY_RE = re.compile(r"\b(?:(last|next|this|past)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_AGO_RE = re.compile(_NUMBER + r"\s+(days?|weeks?|months?|years?|decades?)\s+ago\b", re.I)
_SPAN_RE = re.compile(r"\b" + _NUMBER + r"\s+(days?|weeks?)\b", re.I)
# A month's name or its abbreviation as a whole word, not any word that begins like one
# ("decade", "mayor", "marine"), or an ISO date.
_MONTH_WORD = re.compile(rf"\b{MONTH_NAME}\b|\d{{4}}-\d{{2}}-\d{{2}}", re.I)
_BLANK_LINE_BEFORE = re.compile(r"\n[ \t]*\n\s*\Z")
_BARE_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Any year written in four digits: what makes a far or odd date believable.
_WRITTEN_YEAR = re.compile(r"\b(1\d\d\d|20\d\d)\b")
_JALALI_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(jalali_month_names()) + r")")
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_PAST_AUX = {"had", "was", "were", "did"}
# A month or a year alone dates an event only as the time of a clause ("in March", "in 2006"),
# not as a modifier of a noun ("the 2016 election", "his March visit").
_NOUN_MODIFIER_DEPS = {"compound", "nummod", "amod", "poss", "nmod", "quantmod"}
# Prepositions that make a date a target or a limit, not the time the verb's act happened:
# "rescheduled the vote to June 2", "extended the lockdown until May 1".
_TARGET_PREPOSITIONS = {"to", "until", "till", "for", "by", "through", "before", "from"}


@dataclass(frozen=True)
class TimeRef:
    """A time expression resolved to a period; offsets are characters of the body."""

    start: int
    end: int
    text: str
    period: Period | None  # None for a span of time ("four days") or a narrative word
    basis: str  # explicit | relative
    head: int  # index of the token the expression hangs from (its syntactic anchor)
    span_days: int | None = None  # "four days" in "four days after ..."
    narrative: TimeWord | None = None  # "the next day": counted from the story's date

    @property
    def day(self) -> date | None:
        return self.period.first if self.period else None

    @property
    def coarse(self) -> bool:
        """Whether it names more than a day (a week, a month, a year)."""
        return self.period is not None and self.period.precision != "day"

    @property
    def dates(self) -> bool:
        """Whether the expression gives a date (now or from the narrative), not only a span."""
        return self.period is not None or self.narrative is not None


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


def _tense(verb: Any) -> str:
    """past | future | present, from the verb's tag and auxiliaries."""
    if _is_future(verb):
        return "future"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD" or aux & _PAST_AUX:
        return "past"
    return "present"


@dataclass(frozen=True)
class _Reading:
    period: Period | None
    basis: str
    span_days: int | None = None
    narrative: TimeWord | None = None


def _ago(count: int, unit: str, published: date) -> Period:
    unit = unit.lower().rstrip("s")
    if unit == "decade":
        return year_of(published.year - 10 * count)
    if unit == "day":
        return Period.on(published - timedelta(days=count))
    return shifted(unit, published, -count)


def _resolve(text: str, published: date, tense: str, clause_time: bool) -> _Reading:
    """What one expression's text names. ``tense`` is its verb's (past, present, future);
    ``clause_time``: the expression is a clause's time, not a noun's modifier, so a month or
    year alone may date it."""
    lowered = text.lower().strip()
    ago = _AGO_RE.search(lowered)
    if ago:
        return _Reading(_ago(_number(ago[1]) or 0, ago[2], published), "relative")
    weekday = _WEEKDAY_RE.search(lowered)
    if weekday and not _MONTH_WORD.search(lowered):
        shift = {"last": "last", "past": "last", "next": "next"}.get((weekday[1] or "").lower(), "")
        day = weekday_date(weekday[2], published, future=tense == "future", shift=shift)
        return _Reading(Period.on(day), "relative")
    month = month_of_relative_year(lowered, published)
    if month is not None:
        return _Reading(month, "explicit")
    word = time_word(lowered)
    if word is not None:
        if word.reference == "narrative":
            return _Reading(None, "relative", narrative=word)
        return _Reading(shifted(word.unit, published, word.offset), "relative")
    jalali = _JALALI_RE.search(text)
    if jalali:
        jalali_day = jalali_day_month(int(jalali[1]), jalali[2], published)
        return _Reading(Period.on(jalali_day) if jalali_day else None, "explicit")
    ranged = RANGE_RE.search(text)
    if ranged:
        return _Reading(day_range(ranged, published, tense), "explicit")
    if _MONTH_WORD.search(lowered) or re.search(r"\d{1,2}/\d{1,2}", lowered):
        period = explicit_day(text, published, tense)
        if period is None and clause_time:
            period = month_or_year(text, published, tense)
        return _Reading(period, "explicit")
    if clause_time and _BARE_YEAR.search(lowered):
        return _Reading(month_or_year(text, published, tense), "explicit")
    span = _SPAN_RE.search(lowered)
    units = _number(span[1]) if span else None
    if span and units:
        return _Reading(None, "relative", units * _UNIT_DAYS[span[2].lower()])
    return _Reading(None, "relative")


def _too_old(period: Period, published: date, text: str) -> bool:
    """A period more than a century before publication is believed only with its year written
    ("June 23, 1941"): "the cathedral 900 years ago" gives no date to any event."""
    century_before = published.replace(year=published.year - 100, day=min(published.day, 28))
    return period.first < century_before and not _WRITTEN_YEAR.search(text)


def _past_but_ahead(period: Period, published: date, text: str, tense: str) -> bool:
    """A past-tense act dated after publication ("met next week") is a misreading, unless its
    year is written (a report can quote a planned date that has since been fixed)."""
    return (
        tense == "past"
        and period.first > published + timedelta(days=1)
        and not _WRITTEN_YEAR.search(text)
    )


def _is_clause_time(span: Any) -> bool:
    return span.root.dep_ not in _NOUN_MODIFIER_DEPS


def time_refs(parsed: Any, published: date) -> list[TimeRef]:
    """Every resolvable time expression of a parsed body, in text order."""
    refs: list[TimeRef] = []
    taken: set[int] = set()
    # Day ranges first: spaCy's DATE entity often holds only one end ("an April 30").
    found: list[tuple[int, Any]] = []
    text = parsed.text  # Doc.text joins every token anew on each access
    for match in RANGE_RE.finditer(text):
        span = parsed.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            found.append((0, span))
    found += [(1, ent) for ent in parsed.ents if ent.label_ in ("DATE", "TIME")]
    # Words spaCy does not always tag: weekdays, "yesterday", Jalali dates written in Persian.
    for pattern in (_WEEKDAY_RE, TIME_WORDS_RE, _JALALI_RE):
        for match in pattern.finditer(text):
            span = parsed.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                found.append((1, span))
    for _, span in sorted(found, key=lambda f: (f[0], f[1].start, -len(f[1]))):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        tense = _tense(_anchor(span.root))
        if span.root.head.lower_ in _TARGET_PREPOSITIONS:
            tense = "present"
        if re.match(r"(?i)next\b", span.text) and tense != "past":
            tense = "future"  # "next Wednesday, July 31": ahead, whatever the verb's form
        reading = _resolve(span.text, published, tense, _is_clause_time(span))
        if reading.period is None and reading.span_days is None and reading.narrative is None:
            continue
        if reading.period and (
            _too_old(reading.period, published, span.text)
            or _past_but_ahead(reading.period, published, span.text, tense)
        ):
            continue
        taken.update(range(span.start, span.end))
        refs.append(
            TimeRef(
                span.start_char,
                span.end_char,
                span.text,
                reading.period,
                reading.basis,
                span.root.i,
                reading.span_days,
                reading.narrative,
            )
        )
    return sorted(refs, key=lambda r: r.start)


@dataclass(frozen=True)
class EventDate:
    day: date
    basis: str  # explicit | relative | anchored | inherited | published
    evidence: str  # the words that gave the date, for explanations
    precision: str = "day"  # day | week | month | year
    last: date | None = None  # the period's last day, when it is more than a day

    @classmethod
    def of(cls, period: Period, basis: str, evidence: str) -> EventDate:
        last = period.last if period.last != period.first else None
        return cls(period.first, basis, evidence, period.precision, last)

    def inherited(self) -> EventDate:
        return EventDate(self.day, "inherited", self.evidence, self.precision, self.last)


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


def _in_sequenced_clause(token: Any, top: Any) -> bool:
    """Whether ``token`` sits in an "after"/"before" clause under ``top``, which by its
    marker happened at another time: "announced a deal after Turkey began an offensive on
    Wednesday" — Wednesday is the offensive's. (Other adverbial clauses are left alone: the
    parser often hangs the main act's date on them.)"""
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("after", "before") for c in node.children
        ):
            return True
        node = node.head
    return False


def _paragraph_starts(parsed: Any) -> set[int]:
    """Token indexes of the sentences that open a paragraph: a blank line before their first
    word (spaCy keeps the line breaks as space tokens, on either side of a sentence boundary)."""
    starts = {0}
    text = parsed.text  # Doc.text joins every token anew on each access
    for sent in parsed.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is not None and _BLANK_LINE_BEFORE.search(text, 0, first.idx):
            starts.add(sent.start)
    return starts


# How far from the lead's day a paragraph's day may lie and still carry into the next
# paragraph: a story told over a few days goes on, a background date (last year's deal) does not.
_STORY_LINE_DAYS = 7


def _same_story_line(current: EventDate | None, lead: EventDate | None) -> bool:
    if current is None or lead is None:
        return True
    return abs((current.day - lead.day).days) <= _STORY_LINE_DAYS


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

    def _dated(self, ref: TimeRef, frame: EventDate | None) -> EventDate | None:
        """The date a reference gives, a narrative word counted from ``frame``."""
        if ref.period is not None:
            return EventDate.of(ref.period, ref.basis, ref.text)
        if ref.narrative is not None:
            base = frame.day if frame else self.published
            period = shifted(ref.narrative.unit, base, ref.narrative.offset)
            return EventDate.of(period, "relative", ref.text)
        return None

    def _narrative(self) -> list[EventDate | None]:
        """For each sentence, the date in force from earlier sentences (None before any).

        A day set in a main clause holds to the end of its paragraph. The next paragraph goes on
        from the day its predecessor opened with, while that stays within the story's week
        (``_same_story_line``: "Separately on Thursday, ..." in a Wednesday story goes on in the
        paragraph after); a day set later in a paragraph is a detail of it ("By reports on
        Saturday, two victims died"), and a background day far from the lead's (the first day
        a main clause of the article sets) ends with its paragraph: the next paragraph starts
        again from the lead's day. A month
        or a year sets no frame: "The protests began in June" is background to a story told
        on its days."""
        frames: list[EventDate | None] = []
        paragraphs = _paragraph_starts(self.parsed)
        current: EventDate | None = None
        lead: EventDate | None = None
        opening: EventDate | None = None  # the day the paragraph's first sentence set
        for sent in self.parsed.sents:
            starts_paragraph = sent.start in paragraphs
            if starts_paragraph:
                current = opening if _same_story_line(opening, lead) else lead
                opening = None
            frames.append(current)
            for ref in self._sentence_refs(sent):
                if ref.coarse or _clause_root(self.parsed[ref.head]).i != sent.root.i:
                    continue  # a month or a year is background, not the story's day
                dated = self._dated(ref, current)
                if dated is not None:
                    current = dated.inherited()
                    lead = lead or current
                    if starts_paragraph:
                        opening = current
                    break
            if starts_paragraph and opening is None:
                opening = current
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
            if not ref.dates:
                continue
            if ref.coarse:
                # A month or year dates only the verb it hangs from: "protests that began in
                # June" or "the assassination in January" say nothing of the event's own day.
                mine = _anchor(head).i in (trigger.i, clause.i)
            else:
                mine = (
                    _clause_root(head).i == clause.i
                    or _anchor(head).i == trigger.i
                    or (
                        trigger.left_edge.i <= head.i <= trigger.right_edge.i
                        and not _in_sequenced_clause(head, trigger)
                    )
                )
            dated = self._dated(ref, inherited) if mine else None
            if dated is not None:
                return dated
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
        main = self._main_date(sent, refs, None, inherited)
        if main.basis != "published":
            return main
        # 4. The narrative's date, else the publication day.
        return inherited or EventDate(self.published, "published", "")

    def date_stated(self, trigger: Any, stating: Any = None) -> EventDate:
        """The day an intent was stated: a date in the clause of the verb stating it ("said on
        Monday he will visit China next week"), not one inside the intent's own clause; else
        the narrative's date, else the publication day."""
        inherited = self._frames[self._index.get(trigger.sent.start, 0)]
        if stating is not None:
            clause = _clause_root(stating)
            for ref in self._sentence_refs(trigger.sent):
                head = self.parsed[ref.head]
                if ref.dates and (_clause_root(head).i == clause.i or _anchor(head).i == stating.i):
                    dated = self._dated(ref, inherited)
                    if dated is not None:
                        return dated
        return inherited or EventDate(self.published, "published", "")

    def _main_date(
        self,
        sent: Any,
        refs: list[TimeRef],
        fallback: EventDate | None,
        frame: EventDate | None = None,
    ) -> EventDate:
        for ref in refs:
            head = self.parsed[ref.head]
            main = (
                _anchor(head).i == sent.root.i
                if ref.coarse
                else _clause_root(head).i == sent.root.i
            )
            if main:
                dated = self._dated(ref, frame or fallback)
                if dated is not None:
                    return dated
        return fallback or EventDate(self.published, "published", "")
