"""Dates, times and money written the GOV.UK way, by the one module of
filters every template and e-mail uses."""

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from foundation.deadlines import when
from foundation.templatetags.uk import date_and_time, long_date, moment, pounds, time_of_day

UK = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (time(14, 4), "2:04pm"),
        (time(9, 30), "9:30am"),
        (time(12, 0), "midday"),
        (time(0, 0), "midnight"),
        (time(0, 15), "12:15am"),
        (time(12, 45), "12:45pm"),
        (time(17, 0), "5:00pm"),
    ],
)
def test_times_of_day(value, written):
    assert time_of_day(value) == written


def test_a_moment_is_written_in_uk_time_whatever_the_server_zone():
    # 14:04 UTC on 12 December is 2:04pm in London; on 12 July it is 3:04pm.
    winter = datetime(2026, 12, 12, 14, 4, tzinfo=ZoneInfo("UTC"))
    summer = datetime(2026, 7, 12, 14, 4, tzinfo=ZoneInfo("UTC"))
    assert date_and_time(winter) == "12 December 2026 at 2:04pm"
    assert date_and_time(summer) == "12 July 2026 at 3:04pm"
    # Just before midnight UTC in summer is already the next day in the UK.
    assert long_date(datetime(2026, 7, 12, 23, 30, tzinfo=ZoneInfo("UTC"))) == "13 July 2026"


def test_a_deadline_at_noon_is_midday():
    # 12:00 UTC on 15 January 2027 is noon in London (GMT); the deadline
    # rule's own words use the same writing.
    noon = datetime(2027, 1, 15, 12, 0, tzinfo=ZoneInfo("UTC"))
    assert moment(noon) == "midday on Friday 15 January 2027"
    assert when(noon) == "midday on Friday 15 January 2027"
    # 16:00 UTC on 15 July is 5:00pm in London (BST).
    assert when(datetime(2027, 7, 15, 16, 0, tzinfo=ZoneInfo("UTC"))) == (
        "5:00pm on Thursday 15 July 2027"
    )


def test_dates():
    assert long_date(date(2026, 12, 12)) == "12 December 2026"
    assert long_date(date(2027, 1, 1)) == "1 January 2027"
    assert long_date(None) == ""


@pytest.mark.parametrize(
    ("amount", "written"),
    [
        (Decimal("6000"), "£6,000"),
        (Decimal("6000.00"), "£6,000"),
        (Decimal("6000.5"), "£6,000.50"),
        (Decimal("1234567.89"), "£1,234,567.89"),
        (Decimal("0"), "£0"),
        (Decimal("999"), "£999"),
        (Decimal("-250"), "-£250"),
        (4500, "£4,500"),
        ("2750.25", "£2,750.25"),
        (None, ""),
    ],
)
def test_money(amount, written):
    assert pounds(amount) == written


def test_the_filters_in_a_template():
    html = Template(
        "{% load uk %}{{ when|date_and_time }}; {{ day|long_date }}; {{ amount|pounds }}"
    ).render(
        Context(
            {
                "when": datetime(2026, 12, 12, 12, 0, tzinfo=UK),
                "day": date(2027, 3, 31),
                "amount": Decimal("12500.00"),
            }
        )
    )
    assert html == "12 December 2026 at midday; 31 March 2027; £12,500"
