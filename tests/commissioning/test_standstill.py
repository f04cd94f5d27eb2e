"""Procurement Act 2023 s.51(2): the mandatory standstill period is eight
working days beginning with the day the contract award notice is
published; s.123(1): a bank holiday in any part of the United Kingdom is
not a working day. Each expected last day is counted by hand in the
comment beside it."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from commissioning.models import Tender, TenderState
from commissioning.services.tenders import tender_publish
from foundation.calendar import standstill_end
from foundation.models import BankHoliday
from tests.commissioning.conftest import bid_in, bidder_make, tender_approved, tender_make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("published", "last_day", "count"),
    [
        # Christmas and New Year: 27 and 28 Dec are the substitute days.
        (date(2027, 12, 20), date(2027, 12, 31), "Mon 20–Fri 24 (5), Wed 29–Fri 31 (8)"),
        (
            date(2026, 12, 24),
            date(2027, 1, 8),
            "Thu 24 (1), 29–31 Dec (4), Mon 4 Jan is Scotland's New Year holiday, 5–8 Jan (8)",
        ),
        # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
        (date(2027, 3, 25), date(2027, 4, 7), "Thu 25 (1), Tue 30–Fri 2 (5), Mon 5–Wed 7 (8)"),
        # Scotland only: St Andrew's Day Tuesday 30 November 2027.
        (date(2027, 11, 29), date(2027, 12, 9), "Mon 29 (1), 1–3 Dec (4), 6–9 Dec (8)"),
        # Scotland only: summer bank holiday Monday 2 August 2027.
        (date(2027, 7, 30), date(2027, 8, 11), "Fri 30 (1), Tue 3–Fri 6 (5), 9–11 Aug (8)"),
        # Northern Ireland only: St Patrick's Day Wednesday 17 March 2027.
        (date(2027, 3, 15), date(2027, 3, 25), "15–16 (2), 18–19 (4), 22–25 Mar (8)"),
        # Northern Ireland only: Battle of the Boyne Monday 12 July 2027.
        (date(2027, 7, 9), date(2027, 7, 21), "Fri 9 (1), 13–16 (5), 19–21 Jul (8)"),
        # A leap day is an ordinary working day.
        (date(2028, 2, 28), date(2028, 3, 8), "Mon 28, Tue 29 Feb (2), 1–3 (5), 6–8 Mar (8)"),
        # A month's end.
        (date(2027, 6, 30), date(2027, 7, 9), "Wed 30 Jun (1), 1–2 (3), 5–9 Jul (8)"),
        # A year after the last one seeded by hand (2028): 1 January 2029 and
        # Scotland's 2 January are bank holidays.
        (date(2028, 12, 27), date(2029, 1, 9), "27–29 Dec (3), Wed 3–Fri 5 (6), 8–9 Jan (8)"),
        # Published on a Saturday: the first working day is the Monday.
        (date(2027, 9, 4), date(2027, 9, 15), "Mon 6–Fri 10 (5), 13–15 Sep (8)"),
    ],
)
def test_standstill_ends_on_the_eighth_working_day_beginning_with_publication(
    published, last_day, count
):
    assert standstill_end(published) == last_day, count


def test_a_day_staff_add_in_the_admin_moves_the_end():
    # Mon 4–Thu 7 Jun 2029 (4), Fri 8 Jun added, 11–14 Jun (8).
    assert standstill_end(date(2029, 6, 4)) == date(2029, 6, 13)
    BankHoliday.objects.create(date=date(2029, 6, 8), name="A royal occasion")
    assert standstill_end(date(2029, 6, 4)) == date(2029, 6, 14)


def test_bidders_and_the_commissioner_see_the_day_standstill_ends(client, commissioner):
    tender = tender_make(commissioner, lots=1)
    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    bidder = bidder_make("Alpha CIC")
    bid = bid_in(tender.lots.get(), bidder)
    # The award notice goes out on Monday 20 December 2027.
    with time_machine.travel(timezone.make_aware(timezone.datetime(2027, 12, 20, 10))):
        ends_on = standstill_end(timezone.localdate())
    Tender.objects.filter(pk=tender.pk).update(
        state=TenderState.STANDSTILL, standstill_ends_on=ends_on
    )
    client.force_login(bidder)
    page = client.get(reverse("bid-detail", args=[bid.pk])).content.decode()
    assert "The standstill period ends on Friday 31 December 2027" in page
    client.force_login(commissioner)
    page = client.get(reverse("tender-manage", args=[tender.pk])).content.decode()
    assert "Friday 31 December 2027" in page
