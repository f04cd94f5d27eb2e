"""The UK calendar every deadline and period is counted on.

Bank holidays come from two places: the `holidays` library, which computes
each part of the United Kingdom's bank holidays (England, Wales, Scotland,
Northern Ireland) for any year by rule, and the BankHoliday table, where
staff add the one-off days appointed by royal proclamation (a coronation, a
state funeral) as soon as they are announced.

Periods "beginning with" a day count that day as the first day of the
period, so its last day is one day earlier than "day + period". The courts
read statutes this way (Zoan v Rouamba [2000] 1 WLR 1509) and every
statute this product follows uses the words. Every period in the product is
counted by the functions here, so there is one way to count.

The calendar has no silent end: a year the library does not cover raises
CalendarOutOfRange, and the caller shows the officer a message rather than
counting a bank holiday as a working day.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta

from foundation.models import BankHoliday

# Procurement Act 2023 s.51(2): a mandatory standstill period is eight
# working days.
STANDSTILL_WORKING_DAYS = 8
# The four parts of the United Kingdom, as the library names them.
UK_SUBDIVISIONS = ("ENG", "WLS", "SCT", "NIR")
FIRST_YEAR = holidays.UnitedKingdom.start_year
LAST_YEAR = holidays.UnitedKingdom.end_year


class CalendarOutOfRange(ValueError):
    """A date beyond the years whose bank holidays the calendar knows."""


def _year_checked(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CalendarOutOfRange(
            f"The calendar knows bank holidays from {FIRST_YEAR} to {LAST_YEAR}; "
            f"{year} is outside it."
        )
    return year


@lru_cache(maxsize=256)
def _statutory_bank_holidays(year: int) -> dict[date, str]:
    days: dict[date, str] = {}
    for subdivision in UK_SUBDIVISIONS:
        calendar = holidays.country_holidays("GB", subdiv=subdivision, years=_year_checked(year))
        for day, name in calendar.items():
            days.setdefault(day, f"{name} ({subdivision})")
    return days


def uk_bank_holidays(start: date, end: date) -> dict[date, str]:
    """Every bank holiday in any part of the United Kingdom from `start` to
    `end` inclusive, with its name.

    Banking and Financial Dealings Act 1971 s.1 and Schedule 1 (the days
    for each part of the UK) and s.1(3) (days appointed by proclamation,
    kept in BankHoliday by staff); St Andrew's Day Bank Holiday (Scotland)
    Act 2007 s.1.
    """
    days: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        days.update(
            (day, name)
            for day, name in _statutory_bank_holidays(year).items()
            if start <= day <= end
        )
    for day, name in BankHoliday.objects.filter(date__range=(start, end)).values_list(
        "date", "name"
    ):
        days.setdefault(day, name)
    return days


def is_working_day(day: date, bank_holidays: dict[date, str] | None = None) -> bool:
    """Procurement Act 2023 s.123(1): a working day is any day other than a
    Saturday, a Sunday, Christmas Day, Good Friday or a bank holiday in any
    part of the United Kingdom (Good Friday and Christmas Day are in the
    library's list for every part)."""
    if day.weekday() >= 5:
        return False
    if bank_holidays is None:
        bank_holidays = uk_bank_holidays(day, day)
    return day not in bank_holidays


def working_days_period_end(start: date, days: int) -> date:
    """The last day of a period of `days` working days beginning with
    `start`: `start` is the first day counted when it is a working day.

    Procurement Act 2023 s.51(2) (standstill "beginning with the day" the
    notice is published) and s.123(1) (working day).
    """
    if days < 1:
        raise ValueError("A period has at least one working day.")
    # Read the bank holidays a stretch at a time rather than a query a day;
    # a count that runs past the stretch reads the next one.
    stretch = timedelta(days=days * 2 + 31)
    horizon = start + stretch
    bank_holidays = uk_bank_holidays(start, horizon)
    current, counted = start, 0
    while True:
        if current > horizon:
            bank_holidays |= uk_bank_holidays(current, horizon + stretch)
            horizon += stretch
        if is_working_day(current, bank_holidays):
            counted += 1
            if counted == days:
                return current
        current += timedelta(days=1)


def period_end(start: date, *, weeks: int = 0, months: int = 0, years: int = 0) -> date:
    """The last day of a period of weeks, months or years beginning with
    `start` (the day itself is the period's first day).

    Weeks are counted in days: eight weeks beginning with Tuesday 1 March
    2022 end on Monday 25 April 2022. Months and years end on the day
    before the same day of the month (five years beginning with 12 April
    2022 end on 11 April 2027); when the final month has no such day (six
    months beginning with 31 August), the period ends on that month's last
    day (28 February). Interpretation Act 1978 Sch. 1 ("month" is a
    calendar month); Zoan v Rouamba [2000] 1 WLR 1509 on "beginning with".
    """
    _year_checked(start.year)
    if weeks:
        end = start + timedelta(weeks=weeks) - timedelta(days=1)
    else:
        corresponding = start + relativedelta(months=months, years=years)
        # relativedelta moves a missing day back to the month's last day:
        # then there is no corresponding day and that last day ends the period.
        end = corresponding if corresponding.day != start.day else corresponding - timedelta(1)
    _year_checked(end.year)
    return end


def calendar_year_containing(start: date, day: date) -> tuple[date, date] | None:
    """The first day and the last day of the year, counted in calendar
    years beginning with `start`, that holds `day`: the first year begins
    with `start` and ends the day before its anniversary, so it has 366
    days when it holds a 29 February. None when `day` is before `start`."""
    if day < start:
        return None
    index = max(relativedelta(day, start).years - 1, 0)
    while True:
        first = start if index == 0 else period_end(start, years=index) + timedelta(days=1)
        last = period_end(start, years=index + 1)
        if first <= day <= last:
            return first, last
        index += 1


def standstill_end(published_on: date) -> date:
    """The last day of the mandatory standstill period: Procurement Act
    2023 s.51(2), "eight working days beginning with the day on which the
    contract award notice is published" (working days as in s.123(1)).
    A contract may be entered into from the day after."""
    return working_days_period_end(published_on, STANDSTILL_WORKING_DAYS)
