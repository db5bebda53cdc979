"""Event dates from the text: weekdays by tense, relative words, explicit and anchored dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.whenwhere.calendars import WEEKDAYS, jalali_day_month, weekday_date
from eventwire.whenwhere.dates import EventDate, Timeline

THURSDAY = date(2018, 9, 27)

DateOf = Callable[[str, str], EventDate]


@pytest.fixture(scope="module")
def date_of() -> DateOf:
    """``date_of(text, trigger_word)``: the date the timeline gives the event of that word."""
    from eventwire import nlp

    def run(text: str, word: str) -> EventDate:
        parsed = nlp.load()(text)
        timeline = Timeline(parsed, THURSDAY)
        token = next(t for t in parsed if t.text == word)
        return timeline.date_of(token)

    return run


def test_weekday_date_past_tense_takes_the_latest_such_day() -> None:
    assert weekday_date("Wednesday", THURSDAY) == date(2018, 9, 26)
    assert weekday_date("Thursday", THURSDAY) == THURSDAY
    assert weekday_date("Friday", THURSDAY) == date(2018, 9, 21)


def test_weekday_date_future_and_shifts() -> None:
    assert weekday_date("Friday", THURSDAY, future=True) == date(2018, 9, 28)
    assert weekday_date("Thursday", THURSDAY, shift="next") == date(2018, 10, 4)
    assert weekday_date("Thursday", THURSDAY, shift="last") == date(2018, 9, 20)


@given(st.dates(date(1990, 1, 1), date(2035, 12, 31)), st.sampled_from(WEEKDAYS))
def test_weekday_date_is_that_weekday_within_a_week(published: date, name: str) -> None:
    past = weekday_date(name, published)
    future = weekday_date(name, published, future=True)
    assert past.weekday() == future.weekday() == WEEKDAYS.index(name)
    assert 0 <= (published - past).days < 7
    assert 0 <= (future - published).days < 7


def test_jalali_day_month_uses_the_nearest_year() -> None:
    assert jalali_day_month(5, "مهر", THURSDAY) == THURSDAY
    assert jalali_day_month(1, "فروردین", date(2019, 3, 10)) == date(2019, 3, 21)
    assert jalali_day_month(1, "نامه", THURSDAY) is None


@pytest.mark.slow
def test_timeline_weekday_in_the_clause_dates_the_event(date_of: DateOf) -> None:
    found = date_of("The two ministers met in Rome on Monday.", "met")
    assert found == EventDate(date(2018, 9, 24), "relative", "Monday")


@pytest.mark.slow
def test_timeline_future_tense_looks_ahead(date_of: DateOf) -> None:
    assert date_of("The envoy will visit Cairo on Saturday.", "visit").day == date(2018, 9, 29)


@pytest.mark.slow
def test_timeline_yesterday_is_the_day_before(date_of: DateOf) -> None:
    found = date_of("Rebels attacked the convoy yesterday.", "attacked")
    assert (found.day, found.basis) == (date(2018, 9, 26), "relative")


@pytest.mark.slow
def test_timeline_explicit_date_with_year(date_of: DateOf) -> None:
    found = date_of("The treaty was signed on March 14, 2016, in Lima.", "signed")
    assert (found.day, found.basis) == (date(2016, 3, 14), "explicit")


@pytest.mark.slow
def test_timeline_explicit_day_month_takes_the_past_year(date_of: DateOf) -> None:
    assert date_of("Troops entered the town on 3 November.", "entered").day == date(2017, 11, 3)


@pytest.mark.slow
def test_timeline_n_days_after_dates_the_anchor_clause(date_of: DateOf) -> None:
    text = "The summit opened on Wednesday, five days after gunmen attacked a bus."
    assert date_of(text, "opened").day == date(2018, 9, 26)
    found = date_of(text, "attacked")
    assert (found.day, found.basis) == (date(2018, 9, 21), "anchored")


@pytest.mark.slow
def test_timeline_later_sentences_inherit_the_narrative_date(date_of: DateOf) -> None:
    text = "Leaders gathered in Oslo on Tuesday. Speaking there, the premier praised the deal."
    found = date_of(text, "praised")
    assert (found.day, found.basis) == (date(2018, 9, 25), "inherited")


@pytest.mark.slow
def test_timeline_a_new_date_replaces_the_narrative_date(date_of: DateOf) -> None:
    text = (
        "Leaders gathered in Oslo on Tuesday. Separately on Thursday, the premier met the king. "
        "The king thanked him."
    )
    assert date_of(text, "thanked").day == THURSDAY


@pytest.mark.slow
def test_timeline_without_any_date_falls_back_to_publication(date_of: DateOf) -> None:
    found = date_of("The minister condemned the attack.", "condemned")
    assert (found.day, found.basis) == (THURSDAY, "published")


@given(st.dates(date(1990, 1, 1), date(2035, 12, 31)))
def test_jalali_day_month_of_a_day_resolves_to_that_day(day: date) -> None:
    import jdatetime

    jalali = jdatetime.date.fromgregorian(date=day)
    month = jdatetime.date.j_months_fa[jalali.month - 1]
    assert jalali_day_month(jalali.day, month, day) == day


@given(
    st.dates(date(1990, 1, 1), date(2035, 12, 31)),
    st.dates(date(1990, 1, 1), date(2035, 12, 31)),
)
def test_jalali_day_month_is_within_half_a_year_of_the_publication(day: date, near: date) -> None:
    import jdatetime

    jalali = jdatetime.date.fromgregorian(date=day)
    month = jdatetime.date.j_months_fa[jalali.month - 1]
    found = jalali_day_month(jalali.day, month, near)
    assert found is not None
    assert abs((found - near).days) <= 190


@settings(max_examples=25, deadline=None)
@given(
    st.dates(date(1990, 1, 1), date(2035, 12, 31)),
    st.integers(2, 12),
    st.sampled_from(WEEKDAYS),
)
def test_time_refs_resolve_relative_words_against_any_publication_day(
    published: date, count: int, weekday: str
) -> None:
    from eventwire import nlp
    from eventwire.whenwhere.dates import time_refs

    text = (
        f"The talks collapsed {count} days ago. The minister resigned on {weekday.title()}. "
        "Rebels attacked the town yesterday."
    )
    days = [ref.day for ref in time_refs(nlp.load()(text), published)]
    assert days == [
        published - timedelta(days=count),
        weekday_date(weekday, published),
        published - timedelta(days=1),
    ]
