"""Dates, times and money written one way everywhere, in the GOV.UK style:
"2:04pm", "midday", "12 December 2026", "£6,000" (pence only when there
are some). Pages use these as template filters (`{% load uk %}`); e-mails,
CSV files and messages built in Python call the same functions.

Times are UK time, whatever the server's zone.
"""

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.utils import timezone

register = template.Library()

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _local(value) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


@register.filter
def time_of_day(value) -> str:
    """ "2:04pm", "9:30am", "midday", "midnight"."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    if (value.hour, value.minute) == (12, 0):
        return "midday"
    if (value.hour, value.minute) == (0, 0):
        return "midnight"
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d}{'am' if value.hour < 12 else 'pm'}"


@register.filter
def long_date(value) -> str:
    """ "12 December 2026"; a moment is read as its UK day."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@register.filter
def day_and_date(value) -> str:
    """ "Saturday 12 December 2026"."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return f"{DAYS[value.weekday()]} {long_date(value)}"


@register.filter
def date_and_time(value) -> str:
    """ "12 December 2026 at 2:04pm": when something was done."""
    if not value:
        return ""
    return f"{long_date(value)} at {time_of_day(value)}"


@register.filter
def moment(value) -> str:
    """ "5:00pm on Friday 15 January 2027", "midday on Friday 15 January
    2027" (UK time): a deadline, as every published deadline and its
    notices write it."""
    if not value:
        return ""
    return f"{time_of_day(value)} on {day_and_date(value)}"


@register.filter
def pounds(value) -> str:
    """ "£6,000", "£6,000.50", "-£250"; blank for no amount."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return str(value)
    sign, amount = ("-", -amount) if amount < 0 else ("", amount)
    whole = amount == amount.to_integral_value()
    return f"{sign}£{amount:,.0f}" if whole else f"{sign}£{amount:,.2f}"
