"""Working days, counted on the England and Wales bank holiday calendar
kept as data (BankHoliday), so a council adds next year's dates without
a release."""

from datetime import date, timedelta

from foundation.models import BankHoliday

STANDSTILL_WORKING_DAYS = 8


def working_days_after(start: date, days: int, holidays: set[date]) -> date:
    """The date of the `days`-th working day after `start` (start not counted)."""
    current, counted = start, 0
    while counted < days:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            counted += 1
    return current


def standstill_end(start: date) -> date:
    holidays = set(
        BankHoliday.objects.filter(
            date__gt=start, date__lte=start + timedelta(days=40)
        ).values_list("date", flat=True)
    )
    return working_days_after(start, STANDSTILL_WORKING_DAYS, holidays)
