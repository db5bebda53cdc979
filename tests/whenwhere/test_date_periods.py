"""Dates as periods (issue 17): ranges, months, years and relative weeks resolve to the period
they name, year-less dates to the year by tense, and the narrative carries a day only along
its story line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.whenwhere.calendars import WEEKDAYS, weekday_date
from eventwire.whenwhere.dates import EventDate, Timeline
from eventwire.whenwhere.expressions import (
    RANGE_RE,
    Period,
    day_range,
    month_or_year,
    nearest_year,
    shifted,
)

FRIDAY = date(2020, 6, 19)

DateOf = Callable[[str, str], EventDate]


@pytest.fixture(scope="module")
def date_of() -> DateOf:
    from eventwire import nlp

    def run(text: str, word: str) -> EventDate:
        parsed = nlp.load()(text)
        token = next(t for t in parsed if t.text == word)
        return Timeline(parsed, FRIDAY).date_of(token)

    return run


def _range(text: str, tense: str = "past") -> Period | None:
    found = RANGE_RE.search(text)
    assert found is not None, text
    return day_range(found, FRIDAY, tense)


def test_day_ranges_are_their_days_never_a_year() -> None:
    assert _range("on January 23-24") == Period(date(2020, 1, 23), date(2020, 1, 24), "week")
    assert _range("between 17-23 March") == Period(date(2020, 3, 17), date(2020, 3, 23), "week")
    assert _range("an April 30 – May 4 poll") == Period(date(2020, 4, 30), date(2020, 5, 4), "week")
    assert _range("from December 28 to January 3, 2019") == Period(
        date(2019, 12, 28), date(2020, 1, 3), "week"
    )
    assert _range("May 1 to 20, 2018") == Period(date(2018, 5, 1), date(2018, 5, 20), "month")
    # A list of two days is no range: "November 27 and December 10".
    assert RANGE_RE.search("on November 27 and December 10") is None


def test_months_and_years_are_honest_periods() -> None:
    assert month_or_year("in March", FRIDAY, "past") == Period(
        date(2020, 3, 1), date(2020, 3, 31), "month"
    )
    assert month_or_year("in October", FRIDAY, "past") == Period(
        date(2019, 10, 1), date(2019, 10, 31), "month"
    )
    assert month_or_year("in October", FRIDAY, "future") == Period(
        date(2020, 10, 1), date(2020, 10, 31), "month"
    )
    assert month_or_year("March of 2016", FRIDAY, "past") == Period(
        date(2016, 3, 1), date(2016, 3, 31), "month"
    )
    assert month_or_year("late May", FRIDAY, "past") == Period(
        date(2020, 5, 21), date(2020, 5, 31), "month"
    )
    assert month_or_year("in early 2016", FRIDAY, "past") == Period(
        date(2016, 1, 1), date(2016, 4, 30), "year"
    )
    assert month_or_year("the end of 2019", FRIDAY, "past") == Period(
        date(2019, 10, 1), date(2019, 12, 31), "year"
    )
    assert month_or_year("in 2006", FRIDAY, "past") == Period(
        date(2006, 1, 1), date(2006, 12, 31), "year"
    )
    assert month_or_year("the 1890s", FRIDAY, "past") is None


def test_relative_units_are_calendar_periods() -> None:
    assert shifted("week", FRIDAY, -1) == Period(date(2020, 6, 8), date(2020, 6, 14), "week")
    assert shifted("month", date(2020, 1, 5), -1) == Period(
        date(2019, 12, 1), date(2019, 12, 31), "month"
    )
    assert shifted("year", FRIDAY, 1) == Period(date(2021, 1, 1), date(2021, 12, 31), "year")


def test_a_year_less_day_takes_the_year_its_tense_allows() -> None:
    # A past event is never after publication; a scheduled time may lie either side.
    assert nearest_year(7, 20, FRIDAY, "past") == date(2019, 7, 20)
    assert nearest_year(7, 20, FRIDAY, "present") == date(2020, 7, 20)
    assert nearest_year(12, 15, date(2020, 1, 1), "present") == date(2019, 12, 15)
    assert nearest_year(6, 20, FRIDAY, "past") == date(2020, 6, 20)  # a day late: time zones
    assert nearest_year(1, 10, FRIDAY, "future") == date(2021, 1, 10)
    assert nearest_year(2, 29, date(2023, 3, 1), "past") is None  # only 2024 has one


@given(st.dates(date(1990, 1, 1), date(2035, 12, 31)), st.sampled_from(WEEKDAYS))
def test_last_weekday_is_never_yesterday_or_today(published: date, name: str) -> None:
    day = weekday_date(name, published, shift="last")
    assert day.weekday() == WEEKDAYS.index(name)
    assert 2 <= (published - day).days <= 8


@pytest.mark.slow
def test_a_month_dates_its_own_clause_as_a_month(date_of: DateOf) -> None:
    found = date_of("The two parties signed the accord in March.", "signed")
    assert (found.day, found.precision, found.last) == (
        date(2020, 3, 1),
        "month",
        date(2020, 3, 31),
    )
    found = date_of("Police arrested the organisers last week.", "arrested")
    assert (found.day, found.precision, found.last) == (
        date(2020, 6, 8),
        "week",
        date(2020, 6, 14),
    )


@pytest.mark.slow
def test_a_month_inside_a_noun_or_a_nested_verb_is_not_the_event_s(date_of: DateOf) -> None:
    # "in January" is the assassination's time, not the day the warrants were issued.
    text = (
        "On Monday, the court issued warrants for 30 people believed to have taken part in "
        "the assassination of the general in January."
    )
    assert date_of(text, "issued").day == date(2020, 6, 15)
    # "the 2016 election" names no time of the attack.
    found = date_of("Trump attacked Clinton over the 2016 election.", "attacked")
    assert (found.day, found.basis) == (FRIDAY, "published")


@pytest.mark.slow
def test_an_after_clause_s_day_is_not_the_main_event_s(date_of: DateOf) -> None:
    text = "On Sunday the rebels signed an accord with the army after troops attacked on Wednesday."
    assert date_of(text, "signed").day == date(2020, 6, 14)
    assert date_of(text, "attacked").day == date(2020, 6, 17)


@pytest.mark.slow
def test_narrative_words_count_from_the_story_s_day(date_of: DateOf) -> None:
    text = "Rebels seized the town on June 2. The next day, the army shelled it."
    found = date_of(text, "shelled")
    assert (found.day, found.precision) == (date(2020, 6, 3), "day")


@pytest.mark.slow
def test_a_background_paragraph_does_not_date_the_next(date_of: DateOf) -> None:
    text = (
        "On Tuesday, Greece expelled the Libyan ambassador.\n\n"
        "On September 19, 2018, Cyprus and Egypt had signed a deal. Egypt praised it.\n\n"
        "Libya condemned the expulsion."
    )
    assert date_of(text, "praised").day == date(2018, 9, 19)  # within its paragraph
    found = date_of(text, "condemned")
    assert (found.day, found.basis) == (date(2020, 6, 16), "inherited")


@pytest.mark.slow
def test_a_paragraph_opened_on_the_story_s_days_goes_on(date_of: DateOf) -> None:
    text = (
        "On Tuesday, Greece expelled the Libyan ambassador.\n\n"
        "Separately on Wednesday, the premier met the Egyptian president.\n\n"
        "The Egyptian president praised Greece."
    )
    assert date_of(text, "praised").day == date(2020, 6, 17)


@pytest.mark.slow
def test_no_date_a_century_back_without_its_year(date_of: DateOf) -> None:
    found = date_of("Monks consecrated the cathedral 900 years ago.", "consecrated")
    assert (found.day, found.basis) == (FRIDAY, "published")
    found = date_of("Germany invaded the Soviet Union on June 22, 1941.", "invaded")
    assert (found.day, found.basis) == (date(1941, 6, 22), "explicit")


@pytest.mark.slow
def test_a_past_act_is_never_dated_after_publication(date_of: DateOf) -> None:
    found = date_of("The ministers met next week in Rome.", "met")
    assert (found.day, found.basis) == (FRIDAY, "published")
    found = date_of("The ministers will meet next week in Rome.", "meet")
    assert (found.day, found.precision) == (date(2020, 6, 22), "week")


def test_plain_written_dates_are_read_as_dateparser_reads_them() -> None:
    # Read without dateparser (its first call costs ~0.3 s); every form checked against it.
    from eventwire.whenwhere.expressions import _dateparser_day, _plain_written_day

    published = date(2020, 1, 10)
    for text in (
        "3 March 2019",
        "Oct. 11, 2018",
        "5th of May 2020",
        "Wednesday, July 31, 2019",
        "the night of June 21, 2019",
        "next Wednesday, July 31, 2019",
        "October 14, 2018,",
        "September 13, 2019 —",
        "June 12, 2019, minutes",
    ):
        assert _plain_written_day(text) == _dateparser_day(text, published), text
    assert _plain_written_day("February 30") is None
    # Left to dateparser: a number after the comma may be part of the date.
    assert _plain_written_day("June 12, 13 and 14") is False
    assert _plain_written_day("the week of October 21") is False


def test_a_written_day_needs_a_number() -> None:
    # "dec" sent "a decade" to the written-date reader; dateparser read it as ten years back.
    from eventwire.whenwhere.expressions import explicit_day

    published = date(2019, 10, 29)
    assert explicit_day("A decade later", published, "past") is None
    assert explicit_day("August 2017", published, "past") is None
    assert explicit_day("3/4/2019", published, "past") == Period.on(date(2019, 3, 4))


def test_a_word_that_begins_like_a_month_is_no_month() -> None:
    # "Mayday" began like "May", so the weekday reader stepped aside for a written date there was
    # none of, and only a second look at "Monday" alone dated it; a month must be a whole word.
    from eventwire import nlp
    from eventwire.whenwhere.dates import time_refs

    (ref,) = time_refs(nlp.load()("The council met on Mayday Monday."), FRIDAY)
    assert (ref.text, ref.period) == ("Mayday Monday", Period.on(date(2020, 6, 15)))
    (ref,) = time_refs(nlp.load()("The council met on Sept. 4."), FRIDAY)
    assert (ref.text, ref.period) == ("Sept. 4", Period.on(date(2019, 9, 4)))
