"""Tests for eventwire.whenwhere.calendars: Jalali timestamps to aware Gregorian datetimes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import jdatetime
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.whenwhere.calendars import (
    looks_jalali,
    parse_jalali,
    parse_jalali_date,
    parse_jalali_timestamp,
)

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_parse_jalali_timestamp_seed_value() -> None:
    value = parse_jalali_timestamp("۰۵ مهر ۱۳۹۷ - ۱۶:۵۴")
    assert value.isoformat() == "2018-09-27T16:54:00+03:30"


def test_parse_jalali_timestamp_arabic_indic_and_ascii_digits() -> None:
    expected = "2018-09-27T16:54:00+03:30"
    assert parse_jalali_timestamp("٠٥ مهر ١٣٩٧ - ١٦:٥٤").isoformat() == expected
    assert parse_jalali_timestamp("05 مهر 1397 - 16:54").isoformat() == expected
    assert parse_jalali_timestamp("1397/07/05 16:54").isoformat() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 1397-06-30 is 21 September 2018, still Iran summer time (+04:30).
        ("۳۰ شهریور ۱۳۹۷ - ۱۲:۰۰", "2018-09-21T12:00:00+04:30"),
        ("۳۰ شهریور ۱۳۹۷ - ۲۲:۵۹", "2018-09-21T22:59:00+04:30"),
        # 23:30 on 21 September happened twice; the first (summer) reading is taken.
        ("۳۰ شهریور ۱۳۹۷ - ۲۳:۳۰", "2018-09-21T23:30:00+04:30"),
        # Summer time ended at midnight: 1397-06-31 is 22 September, standard time (+03:30).
        ("۳۱ شهریور ۱۳۹۷ - ۰۰:۰۰", "2018-09-22T00:00:00+03:30"),
        ("۳۱ شهریور ۱۳۹۷ - ۱۲:۰۰", "2018-09-22T12:00:00+03:30"),
        ("۱ مهر ۱۳۹۷ - ۱۲:۰۰", "2018-09-23T12:00:00+03:30"),
    ],
)
def test_parse_jalali_timestamp_around_2018_dst_end(text: str, expected: str) -> None:
    assert parse_jalali_timestamp(text).isoformat() == expected


def test_parse_jalali_timestamp_dst_boundary_is_an_hour_longer() -> None:
    before = parse_jalali_timestamp("۳۰ شهریور ۱۳۹۷ - ۲۲:۰۰")
    after = parse_jalali_timestamp("۳۱ شهریور ۱۳۹۷ - ۰۰:۰۰")
    # Same-zone subtraction is wall-clock arithmetic in Python; compare in UTC.
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=3)


def test_parse_jalali_timestamp_after_iran_abolished_dst() -> None:
    # Iran stopped summer time after 2022: mid-summer 1402 is +03:30.
    assert parse_jalali_timestamp("۱۰ تیر ۱۴۰۲ - ۱۲:۰۰").utcoffset() == timedelta(hours=3.5)


def test_parse_jalali_timestamp_other_zone() -> None:
    value = parse_jalali_timestamp("۰۵ مهر ۱۳۹۷ - ۱۶:۵۴", tz="UTC")
    assert value.isoformat() == "2018-09-27T16:54:00+00:00"


def test_parse_jalali_date_only() -> None:
    assert parse_jalali_date("۵ مهر ۱۳۹۷") == date(2018, 9, 27)
    assert parse_jalali("۵ مهر ۱۳۹۷") == date(2018, 9, 27)


def test_parse_jalali_accepts_spelling_variants_and_weekday() -> None:
    assert parse_jalali_date("پنجشنبه ۵ مهر ۱۳۹۷") == date(2018, 9, 27)
    assert parse_jalali_date("۱ ابان ۱۳۹۷") == date(2018, 10, 23)
    assert parse_jalali_date("۱ دي ۱۳۹۷") == date(2018, 12, 22)


def test_parse_jalali_timestamp_without_time_fails() -> None:
    with pytest.raises(ValueError, match="no time of day"):
        parse_jalali_timestamp("۵ مهر ۱۳۹۷")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not a Jalali date"),
        ("yesterday", "not a Jalali date"),
        ("۵ Foo ۱۳۹۷", "unknown Persian month name"),
        ("۳۱ اسفند ۱۳۹۷", "impossible Jalali date"),
        ("۳۲ مهر ۱۳۹۷ - ۱۰:۰۰", "impossible Jalali date"),
        ("۵ مهر ۱۳۹۷ - ۲۵:۰۰", "impossible time of day"),
    ],
)
def test_parse_jalali_timestamp_bad_input_names_the_problem(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_jalali_timestamp(text)


def test_parse_jalali_timestamp_unknown_zone() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        parse_jalali_timestamp("۵ مهر ۱۳۹۷ - ۱۰:۰۰", tz="Mars/Olympus")


def test_looks_jalali() -> None:
    assert looks_jalali("۰۵ مهر ۱۳۹۷")
    assert not looks_jalali("5 October 2018")


@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    arabic=st.booleans(),
)
def test_parse_jalali_timestamp_round_trips_gregorian_days(
    day: date, hour: int, minute: int, arabic: bool
) -> None:
    jalali = jdatetime.date.fromgregorian(date=day)
    month = jdatetime.date.j_months_fa[jalali.month - 1]
    text = f"{jalali.day:02d} {month} {jalali.year} - {hour:02d}:{minute:02d}"
    text = text.translate(_ARABIC_DIGITS if arabic else _PERSIAN_DIGITS)
    value = parse_jalali_timestamp(text)
    assert isinstance(value, datetime)
    assert value.date() == day
    assert (value.hour, value.minute) == (hour, minute)
    assert parse_jalali_date(text) == day
