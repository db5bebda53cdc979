"""Time expressions resolved to the period they name: a day, a calendar week, a month or a year.

An honest month beats a wrong day: "in March" is March (precision ``month``), "last week" the
calendar week before publication, "on January 23-24" the 23rd to the 24th, "in early 2016" the
first third of 2016 (precision ``year``). A day or month written without a year takes the year
that puts it nearest the publication day, unless the tense rules that out ("met on June 5" in a
January story is last June); a day the text gives no year for is never more than a year away.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from eventwire import vocabulary
from eventwire.whenwhere.calendars import WEEKDAYS

PRECISIONS = ("day", "week", "month", "year")

_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
_MONTHS["sept"] = 9
MONTH_NAME = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DASH = r"\s*(?:-|–|—|to|through|until)\s*"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(\d{4}))?"
# Day ranges, found in the text before spaCy's DATE entities (which often take only one end).
RANGE_RE = re.compile(
    rf"\b(?:(?P<m1>{MONTH_NAME})\s+{_DAY}{_DASH}(?:(?P<m2>{MONTH_NAME})\s+)?{_DAY}{_YEAR}"
    rf"|{_DAY}{_DASH}{_DAY}\s+(?P<m3>{MONTH_NAME}){_YEAR})\b",
    re.I,
)
_PART = r"(?:(early|mid|late|the end of|the beginning of|the start of)[\s-]+(?:in\s+)?)?"
_MONTH_ONLY = re.compile(rf"^{_PART}({MONTH_NAME})(?:,?\s+(?:of\s+)?(\d{{4}}))?$", re.I)
_YEAR_ONLY = re.compile(rf"^{_PART}(\d{{4}})$", re.I)
_WRITTEN_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_DIGITS = re.compile(r"\d")
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
# Punctuation an entity can end with after its date ("October 14,", "September 13 —").
_TRAILING = ",;:—–- \t\n"
_LEADING = re.compile(r"^(?:in|on|during|of|the(?!\s+(?:end|beginning|start)\b))\s+", re.I)
# The third of a month or year a part word names: (first, last) day of month or month of year.
_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "the end of": (10, 12)}
_YEAR_PARTS["the beginning of"] = _YEAR_PARTS["the start of"] = (1, 3)
_MONTH_PARTS["the end of"] = (21, 31)
_MONTH_PARTS["the beginning of"] = _MONTH_PARTS["the start of"] = (1, 10)
# How far past publication a past-tense event's day may lie (time zones: a story filed late on
# the 3rd and dated the 4th), and how far before it a future one's (a late report of a plan).
_PAST_SLACK_DAYS = 1
_FUTURE_SLACK_DAYS = 60


@dataclass(frozen=True)
class Period:
    """The days a time expression stands for, and the unit it was named in."""

    first: date
    last: date
    precision: str  # day | week | month | year

    @classmethod
    def on(cls, day: date) -> Period:
        return cls(day, day, "day")


def week_of(day: date) -> Period:
    """The calendar week (Monday to Sunday) holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6), "week")


def month_of(year: int, month: int, part: str | None = None) -> Period:
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = _MONTH_PARTS.get(part or "", (1, last))
    return Period(date(year, month, first_day), date(year, month, min(last_day, last)), "month")


def year_of(year: int, part: str | None = None) -> Period:
    first_month, last_month = _YEAR_PARTS.get(part or "", (1, 12))
    return Period(date(year, first_month, 1), month_of(year, last_month).last, "year")


def shifted(unit: str, reference: date, offset: int) -> Period:
    """The ``unit`` (day, week, month, year) ``offset`` units from the one holding ``reference``."""
    if unit == "day":
        return Period.on(reference + timedelta(days=offset))
    if unit == "week":
        return week_of(reference + timedelta(days=7 * offset))
    if unit == "month":
        months = reference.year * 12 + reference.month - 1 + offset
        return month_of(months // 12, months % 12 + 1)
    return year_of(reference.year + offset)


@dataclass(frozen=True)
class TimeWord:
    unit: str
    offset: int
    reference: str  # published | narrative


def time_words() -> dict[str, TimeWord]:
    """time_words.tsv: phrase -> what it names."""
    return {
        row["phrase"]: TimeWord(row["unit"], int(row["offset"]), row["reference"])
        for row in vocabulary.table("time_words")
    }


TIME_WORDS = time_words()
TIME_WORDS_RE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(TIME_WORDS, key=len, reverse=True)) + r")\b",
    re.I,
)


def time_word(text: str) -> TimeWord | None:
    found = TIME_WORDS_RE.search(text)
    return TIME_WORDS[found[1].lower()] if found else None


def month_number(name: str) -> int | None:
    return _MONTHS.get(name.lower().rstrip("."))


def nearest_year(month: int, day: int, published: date, tense: str) -> date | None:
    """The day ``month``/``day`` in the year nearest ``published``; a past-tense event takes
    the latest such day by publication ("met on June 5" in a January story is last June), a
    future one the year after when the nearest is well before publication. ``tense`` is
    "present" for a time that is a target rather than the event's ("scheduled for March 3",
    "extended the lockdown to May 1"), which may lie either side."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # February 29 outside a leap year
            continue
    if not candidates:
        return None
    best = min(candidates, key=lambda d: abs((d - published).days))
    if tense == "past" and best > published + timedelta(days=_PAST_SLACK_DAYS):
        earlier = [d for d in candidates if d <= published]
        return max(earlier) if earlier else None
    if tense == "future" and best < published - timedelta(days=_FUTURE_SLACK_DAYS):
        later = [d for d in candidates if d >= published]
        return min(later) if later else None
    return best


def _month_year(month: int, published: date, tense: str) -> int:
    """The year of a month named without one: as ``nearest_year`` for its middle."""
    day = nearest_year(month, 15, published, tense)
    return day.year if day else published.year


def day_range(match: re.Match[str], published: date, tense: str) -> Period | None:
    """The period of a RANGE_RE match: "January 23-24", "17-23 March", "April 30 – May 4"."""
    groups = match.groups()
    if match["m1"]:
        first_month = month_number(match["m1"])
        last_month = month_number(match["m2"]) if match["m2"] else first_month
        first_day, last_day, year = int(groups[1]), int(groups[3]), groups[4]
    else:
        first_month = last_month = month_number(match["m3"])
        first_day, last_day, year = int(groups[5]), int(groups[6]), groups[8]
    if first_month is None or last_month is None:
        return None
    try:
        if year:
            first = date(int(year), first_month, first_day)
        else:
            found = nearest_year(first_month, first_day, published, tense)
            if found is None:
                return None
            first = found
        last = date(first.year + (last_month < first_month), last_month, last_day)
    except ValueError:
        return None
    if not first <= last <= first + timedelta(days=62):
        return None  # "23-24" read wrongly, or a span too long to be one happening
    return Period(
        first, last, "day" if first == last else "week" if (last - first).days < 7 else "month"
    )


# The common written forms, read without dateparser (whose first call costs ~0.3 s of start-up):
# "March 3", "March 3, 2019", "Oct. 11 2018", "3 March", "3rd of March 2019", and after words
# that name no other day: "Wednesday, July 31", "the night of June 21".
_LEAD_IN = (
    r"(?:(?:(?:last|next|this|past)\s+)?(?:" + "|".join(WEEKDAYS) + r"),?\s+)?"
    r"(?:the\s+(?:night|morning|afternoon|evening)\s+of\s+)?"
)
_YEAR_AFTER = r"(?:,?\s+(?P<year>\d{4}))?"
_MONTH_DAY = re.compile(rf"{_LEAD_IN}(?P<month>{MONTH_NAME})\s+{_DAY}{_YEAR_AFTER}", re.I)
_DAY_MONTH = re.compile(rf"{_LEAD_IN}{_DAY}\s+(?:of\s+)?(?P<month>{MONTH_NAME}){_YEAR_AFTER}", re.I)


def _plain_written_day(text: str) -> date | bool | None:
    """The date of a plain "Month D[, YYYY]" or "D Month[ YYYY]", None when such a text names
    no real day (February 30); False when the text has another form. Words after a comma that
    hold no number are not part of the date ("June 12, minutes before the vote")."""
    plain = text.strip().rstrip(_TRAILING)
    found = _MONTH_DAY.match(plain) or _DAY_MONTH.match(plain)
    if found is None or not _only_words_after(plain[found.end() :]):
        return False
    month = month_number(found["month"])
    if month is None:
        return False
    year = int(found["year"]) if found["year"] else 2000  # a leap year: the year is set later
    try:
        return date(year, month, int(found[1] if found.re is _DAY_MONTH else found[2]))
    except ValueError:
        return None


def _only_words_after(rest: str) -> bool:
    """Whether what follows a plain date is nothing, or a comma and words holding no number."""
    return not rest or (rest.startswith(",") and not _DIGITS.search(rest))


def explicit_day(text: str, published: date, tense: str) -> Period | None:
    """A written date with a day and month ("March 3", "3 March 2019", "Oct. 11, 2018")."""
    plain = _plain_written_day(text)
    if plain is None:
        return None
    # A written day has a day's number: without one, dateparser finds no day in "August 2017"
    # and reads only relative words elsewhere ("a decade", whose "dec" sent it here, would be a
    # day ten years back).
    if plain is False and not _DAY_NUMBER.search(text):
        return None
    day = plain if isinstance(plain, date) else _dateparser_day(text, published)
    if day is None:
        return None
    if not _WRITTEN_YEAR.search(text):
        nearest = nearest_year(day.month, day.day, published, tense)
        if nearest is None:
            return None
        day = nearest
    return Period.on(day)


def _dateparser_day(text: str, published: date) -> date | None:
    import dateparser  # only articles with other written dates pay for its import

    settings: Any = {
        "RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
        "STRICT_PARSING": False,
    }
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return None if found is None else found.date()


_MONTH_OF_YEAR = re.compile(rf"\b({MONTH_NAME})\s+(?:of\s+)?(this|last|next)\s+year\b", re.I)
_YEAR_OFFSETS = {"this": 0, "last": -1, "next": 1}


def month_of_relative_year(text: str, published: date) -> Period | None:
    """ "March of this year", "January last year": the month in the year the words name."""
    found = _MONTH_OF_YEAR.search(text)
    month = month_number(found[1]) if found else None
    if found is None or month is None:
        return None
    return month_of(published.year + _YEAR_OFFSETS[found[2].lower()], month)


def month_or_year(text: str, published: date, tense: str) -> Period | None:
    """ "in March", "March 2016", "early 2016", "late May": a month or a year, as named."""
    cleaned = _LEADING.sub("", text.strip().lower())
    cleaned = _LEADING.sub("", cleaned)
    month_match = _MONTH_ONLY.match(cleaned)
    if month_match:
        part, name, year = month_match.groups()
        month = month_number(name)
        if month is None:
            return None
        year_number = int(year) if year else _month_year(month, published, tense)
        return month_of(year_number, month, part)
    year_match = _YEAR_ONLY.match(cleaned)
    if year_match:
        part, year = year_match.groups()
        if not 1900 <= int(year) <= published.year + 10:
            return None
        return year_of(int(year), part)
    return None
