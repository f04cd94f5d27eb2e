"""The UK calendar: bank holidays in every part of the UK for any year, the
one-off days staff add, and periods "beginning with" a day. Every expected
date is written out by hand from the statutes' wording."""

from datetime import date

import pytest

from foundation.calendar import (
    CalendarOutOfRange,
    calendar_year_containing,
    is_working_day,
    period_end,
    uk_bank_holidays,
    working_days_period_end,
)
from foundation.models import BankHoliday

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (date(2027, 1, 4), "Scotland: New Year holiday (2 January falls on a Saturday)"),
        (date(2027, 3, 17), "Northern Ireland: St Patrick's Day"),
        (date(2027, 7, 12), "Northern Ireland: Battle of the Boyne"),
        (date(2027, 8, 2), "Scotland: summer bank holiday"),
        (date(2027, 11, 30), "Scotland: St Andrew's Day"),
        (date(2027, 3, 29), "England, Wales and Northern Ireland: Easter Monday"),
        (date(2027, 12, 27), "Christmas Day substitute"),
        (date(2029, 1, 1), "New Year's Day, a year after any seeded by hand"),
        (date(2029, 1, 2), "Scotland: 2 January, a year after any seeded by hand"),
        (date(2035, 12, 25), "Christmas Day, years ahead"),
    ],
)
def test_a_bank_holiday_in_any_part_of_the_uk_is_not_a_working_day(day, why):
    assert not is_working_day(day), why


def test_ordinary_weekdays_are_working_days_and_weekends_are_not():
    assert is_working_day(date(2027, 3, 16))  # Tuesday
    assert is_working_day(date(2029, 1, 3))  # Wednesday
    assert not is_working_day(date(2027, 3, 20))  # Saturday
    assert not is_working_day(date(2027, 3, 21))  # Sunday


def test_a_one_off_day_staff_add_is_not_a_working_day():
    assert is_working_day(date(2029, 6, 8))
    BankHoliday.objects.create(date=date(2029, 6, 8), name="A royal occasion")
    assert not is_working_day(date(2029, 6, 8))
    assert uk_bank_holidays(date(2029, 6, 1), date(2029, 6, 30)) == {
        date(2029, 6, 8): "A royal occasion"
    }


def test_the_calendar_says_when_it_runs_out_rather_than_counting_on():
    with pytest.raises(CalendarOutOfRange, match="2101 is outside it"):
        is_working_day(date(2101, 1, 3))
    with pytest.raises(CalendarOutOfRange):
        working_days_period_end(date(2100, 12, 28), 8)
    with pytest.raises(CalendarOutOfRange):
        period_end(date(2099, 1, 1), years=5)


@pytest.mark.parametrize(
    ("start", "period", "last_day"),
    [
        # Weeks: the start day is day 1, so 8 weeks end on day 56.
        (date(2022, 3, 1), {"weeks": 8}, date(2022, 4, 25)),
        (date(2024, 1, 10), {"weeks": 8}, date(2024, 3, 5)),  # across 29 February
        (date(2023, 1, 10), {"weeks": 8}, date(2023, 3, 6)),
        (date(2026, 12, 25), {"weeks": 6}, date(2027, 2, 4)),
        # Months and years: the day before the same day of the month...
        (date(2022, 4, 12), {"years": 5}, date(2027, 4, 11)),
        (date(2027, 3, 1), {"months": 6}, date(2027, 8, 31)),
        (date(2027, 1, 1), {"years": 1}, date(2027, 12, 31)),
        (date(2027, 3, 1), {"years": 1}, date(2028, 2, 29)),  # a leap year's 366 days
        # ...or the last day of the month when it has no such day.
        (date(2026, 8, 31), {"months": 6}, date(2027, 2, 28)),
        (date(2027, 8, 31), {"months": 6}, date(2028, 2, 29)),
        (date(2024, 2, 29), {"years": 5}, date(2029, 2, 28)),
    ],
)
def test_periods_beginning_with_a_day(start, period, last_day):
    assert period_end(start, **period) == last_day


def test_calendar_years_from_a_start_date_include_the_leap_day():
    assert calendar_year_containing(date(2027, 3, 1), date(2028, 2, 29)) == (
        date(2027, 3, 1),
        date(2028, 2, 29),
    )
    assert calendar_year_containing(date(2027, 3, 1), date(2028, 3, 1)) == (
        date(2028, 3, 1),
        date(2029, 2, 28),
    )
    assert calendar_year_containing(date(2028, 2, 29), date(2029, 3, 1)) == (
        date(2029, 3, 1),
        date(2030, 2, 28),
    )
    assert calendar_year_containing(date(2027, 3, 1), date(2027, 2, 28)) is None


def test_a_long_count_reads_the_calendar_as_far_as_it_goes():
    # 60 working days beginning with Monday 1 November 2027. November has 22
    # weekdays less St Andrew's Day (Tue 30, Scotland): 21. December has 23
    # less the Christmas and Boxing Day substitutes (27, 28): 21, so 42.
    # January 2028 loses Mon 3 (New Year's Day substitute) and Tue 4
    # (Scotland's 2 January substitute); 5-7 Jan make 45, 10-14 make 50,
    # 17-21 make 55 and 24-28 make 60.
    assert working_days_period_end(date(2027, 11, 1), 60) == date(2028, 1, 28)
