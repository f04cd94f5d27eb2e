"""Assets of Community Value (Localism Act 2011, Part 5 Chapter 3): every
date the council must keep, computed in one place on the UK calendar.

Each period "begins with" the day of its event, so that day is the first
day of the period and the last day is one day earlier than "day + period"
(`foundation.calendar.period_end`).

- The council decides a nomination within 8 weeks beginning with the day
  it receives it (Assets of Community Value (England) Regulations 2012,
  reg. 7).
- A listed asset stays listed for 5 years beginning with the day of its
  entry in the list, then is removed (Localism Act 2011 s.87(3)).
- When the owner gives notice of a disposal, the interim moratorium is the
  6 weeks beginning with the day the council receives it; a community
  interest group asking to be treated as a bidder within it makes the full
  moratorium 6 months beginning with that day; the protected period, in
  which no new moratorium can start, is 18 months beginning with that day
  (Localism Act 2011 s.95(6)).
"""

from datetime import date

from foundation.calendar import period_end

DECISION_WEEKS = 8
LISTING_YEARS = 5
INTERIM_MORATORIUM_WEEKS = 6
FULL_MORATORIUM_MONTHS = 6
PROTECTED_PERIOD_MONTHS = 18


def decision_due(nominated_on: date) -> date:
    """The last day for the decision: 8 weeks beginning with the day the
    nomination is received (2012 Regulations, reg. 7)."""
    return period_end(nominated_on, weeks=DECISION_WEEKS)


def listing_ends(decided_on: date) -> date:
    """The last day on the list: 5 years beginning with the day of entry
    (Localism Act 2011 s.87(3))."""
    return period_end(decided_on, years=LISTING_YEARS)


def interim_moratorium_ends(notice_on: date) -> date:
    """The last day of the interim moratorium, and so the last day a
    community interest group may ask to be treated as a bidder: 6 weeks
    beginning with the day the notice is received (Localism Act 2011
    s.95(6))."""
    return period_end(notice_on, weeks=INTERIM_MORATORIUM_WEEKS)


def full_moratorium_ends(notice_on: date) -> date:
    """The last day of the full moratorium: 6 months beginning with the day
    the notice is received (Localism Act 2011 s.95(6))."""
    return period_end(notice_on, months=FULL_MORATORIUM_MONTHS)


def protected_period_ends(notice_on: date) -> date:
    """The last day of the protected period: 18 months beginning with the
    day the notice is received (Localism Act 2011 s.95(6))."""
    return period_end(notice_on, months=PROTECTED_PERIOD_MONTHS)
