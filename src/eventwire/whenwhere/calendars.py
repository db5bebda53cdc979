"""Jalali (Persian solar hijri) dates and times as written by Iranian outlets, to Gregorian."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jdatetime

from eventwire.clean import clean_text

TEHRAN = "Asia/Tehran"

_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)


def _month_key(name: str) -> str:
    # Arabic yeh/kaf and a missing madda are common spelling variants in scraped pages.
    return name.replace("ي", "ی").replace("ك", "ک").replace("آ", "ا").replace("\u200c", "")


_MONTH_NUMBER = {_month_key(name): number for number, name in enumerate(_MONTHS, start=1)}
_MONTH_NUMBER[_month_key("امرداد")] = 5

_TIME = r"(?:\s*[-–—,،]?\s*(?:ساعت\s*)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
_WORDY_RE = re.compile(rf"(?P<day>\d{{1,2}})\s+(?P<month>[^\d\s]+)\s+(?P<year>\d{{4}}){_TIME}")
_NUMERIC_RE = re.compile(rf"(?P<year>\d{{4}})[/-](?P<month>\d{{1,2}})[/-](?P<day>\d{{1,2}}){_TIME}")


def _parts(text: str) -> tuple[jdatetime.date, time | None]:
    cleaned = clean_text(text)
    match = _WORDY_RE.search(cleaned) or _NUMERIC_RE.search(cleaned)
    if match is None:
        raise ValueError(f"not a Jalali date such as '۰۵ مهر ۱۳۹۷ - ۱۶:۵۴': {text!r}")
    month_text = match["month"]
    if month_text.isdigit():
        month = int(month_text)
    else:
        found = _MONTH_NUMBER.get(_month_key(month_text))
        if found is None:
            raise ValueError(f"unknown Persian month name {month_text!r} in {text!r}")
        month = found
    try:
        day = jdatetime.date(int(match["year"]), month, int(match["day"]))
    except ValueError as err:
        raise ValueError(f"impossible Jalali date in {text!r}: {err}") from None
    if match["hour"] is None:
        return day, None
    try:
        clock = time(int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
    except ValueError as err:
        raise ValueError(f"impossible time of day in {text!r}: {err}") from None
    return day, clock


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz!r}") from None


def parse_jalali_date(text: str) -> date:
    """The Gregorian day of a Jalali date such as ``۵ مهر ۱۳۹۷`` or ``1397/07/05`` (time ignored).

    Raises ValueError naming the text when it is not a valid Jalali date.
    """
    day, _ = _parts(text)
    gregorian: date = day.togregorian()
    return gregorian


def parse_jalali(text: str, tz: str = TEHRAN) -> datetime | date:
    """A Jalali timestamp as an aware datetime in ``tz``, or a plain day when no time is given.

    Digits may be Persian, Arabic-Indic or ASCII. A wall time that occurs twice when clocks go back
    takes the first (summer-time) offset, as zoneinfo does by default.
    """
    day, clock = _parts(text)
    gregorian: date = day.togregorian()
    if clock is None:
        return gregorian
    return datetime.combine(gregorian, clock, tzinfo=_zone(tz))


def parse_jalali_timestamp(text: str, tz: str = TEHRAN) -> datetime:
    """A Jalali date and time such as ``۰۵ مهر ۱۳۹۷ - ۱۶:۵۴`` as an aware datetime in ``tz``.

    Raises ValueError with the offending text when the date, the month name, the time or the
    zone is invalid, or when there is no time of day.
    """
    value = parse_jalali(text, tz)
    if not isinstance(value, datetime):
        raise ValueError(f"no time of day in Jalali timestamp {text!r}")
    return value


def looks_jalali(text: str) -> bool:
    """Whether ``text`` names a Persian month, i.e. is worth trying as a Jalali date."""
    return any(_month_key(word) in _MONTH_NUMBER for word in clean_text(text).split())


# --- Relative dates: resolved against the publication day, the tense choosing the direction. ---

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_date(name: str, published: date, *, future: bool = False, shift: str = "") -> date:
    """The day a weekday name refers to in a story published on ``published``.

        Past tense (the default in news) means the latest such day up to and including the
        publication day: "on Wednesday" in a Thursday story is the day before, and "on Thursday" in
        a Thursday story is the same day. Future tense means the next such day from the publication
        day on. ``shift`` "last" / "next" force the day strictly before / after publication ("last"
    at least two days before).
    """
    target = WEEKDAYS.index(name.lower().rstrip("s").rstrip("'’"))
    back = (published.weekday() - target) % 7
    if shift == "last":
        # "last Thursday" is never yesterday (the writer would say "yesterday"): in a Friday
        # story it is the Thursday of the week before.
        return published - timedelta(days=back if back >= 2 else back + 7)
    if shift == "next":
        ahead = (target - published.weekday()) % 7
        return published + timedelta(days=ahead or 7)
    if future:
        return published + timedelta(days=(target - published.weekday()) % 7)
    return published - timedelta(days=back)


def jalali_day_month(day: int, month_name: str, near: date) -> date | None:
    """A Jalali day and month without a year ("۵ مهر"), as the Gregorian day closest to ``near``."""
    month = _MONTH_NUMBER.get(_month_key(month_name))
    if month is None:
        return None
    year = jdatetime.date.fromgregorian(date=near).year
    candidates = []
    for jy in (year - 1, year, year + 1):
        try:
            candidates.append(jdatetime.date(jy, month, day).togregorian())
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - near).days)) if candidates else None


def jalali_month_names() -> tuple[str, ...]:
    return _MONTHS
