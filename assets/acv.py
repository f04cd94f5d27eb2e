"""Assets of Community Value (Localism Act 2011, Part 5 Chapter 3): every
date the council must keep, computed in one place.

- The council decides a nomination within 8 weeks of receiving it.
- A listed asset stays listed for 5 years from the decision, then is removed.
- When the owner gives notice of a disposal, an interim moratorium of
  6 weeks starts; if a community interest group asks to be treated as a
  bidder within it, the full moratorium runs to 6 months from the notice.
- The protected period, in which no new moratorium can start, runs 18 months
  from the notice.

Periods counted in years or months end on the same day of the month, or on
the month's last day when it has no such day (a listing decided on
29 February ends on 28 February five years later).
"""

import calendar
from datetime import date, timedelta

DECISION_WEEKS = 8
LISTING_YEARS = 5
INTERIM_MORATORIUM_WEEKS = 6
FULL_MORATORIUM_MONTHS = 6
PROTECTED_PERIOD_MONTHS = 18


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def decision_due(nominated_on: date) -> date:
    return nominated_on + timedelta(weeks=DECISION_WEEKS)


def listing_ends(decided_on: date) -> date:
    return add_months(decided_on, 12 * LISTING_YEARS)


def interim_moratorium_ends(notice_on: date) -> date:
    return notice_on + timedelta(weeks=INTERIM_MORATORIUM_WEEKS)


def full_moratorium_ends(notice_on: date) -> date:
    return add_months(notice_on, FULL_MORATORIUM_MONTHS)


def protected_period_ends(notice_on: date) -> date:
    return add_months(notice_on, PROTECTED_PERIOD_MONTHS)
