"""Asset of Community Value dates (Localism Act 2011), and the reminder
before a listing ends."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from assets import acv
from assets.models import AcvDecision, AcvListing, Asset, AssetKind
from people import roles
from reminders.models import Reminder
from reminders.services.sweep import reminders_sweep
from tests.organisations.factories import OrganisationFactory
from tests.people.factories import UserFactory


# Localism Act 2011 s.87(3), s.95(6) and the 2012 Regulations reg. 7: each
# period begins with the day of its event, which is the period's first day.
@pytest.mark.parametrize(
    ("period", "day", "last_day"),
    [
        # 8 weeks = 56 days; day 56 of a period beginning Tue 1 March 2022.
        (acv.decision_due, date(2022, 3, 1), date(2022, 4, 25)),
        (acv.decision_due, date(2024, 1, 10), date(2024, 3, 5)),  # holds 29 Feb 2024
        (acv.decision_due, date(2023, 1, 10), date(2023, 3, 6)),
        (acv.decision_due, date(2026, 12, 25), date(2027, 2, 18)),  # Christmas Day
        # 5 years: the day before the fifth anniversary.
        (acv.listing_ends, date(2022, 4, 12), date(2027, 4, 11)),
        (acv.listing_ends, date(2026, 6, 15), date(2031, 6, 14)),
        (acv.listing_ends, date(2023, 1, 1), date(2027, 12, 31)),  # New Year
        (acv.listing_ends, date(2024, 2, 29), date(2029, 2, 28)),  # no 29 Feb 2029
        (acv.listing_ends, date(2024, 3, 1), date(2029, 2, 28)),
        # 6 weeks = 42 days.
        (acv.interim_moratorium_ends, date(2026, 8, 31), date(2026, 10, 11)),
        (acv.interim_moratorium_ends, date(2028, 1, 20), date(2028, 3, 1)),  # over 29 Feb
        # 6 months; 18 months. A month without the day ends on its last day.
        (acv.full_moratorium_ends, date(2026, 8, 31), date(2027, 2, 28)),
        (acv.full_moratorium_ends, date(2027, 8, 31), date(2028, 2, 29)),
        (acv.full_moratorium_ends, date(2027, 3, 1), date(2027, 8, 31)),
        (acv.protected_period_ends, date(2026, 8, 31), date(2028, 2, 29)),
        (acv.protected_period_ends, date(2026, 5, 1), date(2027, 10, 31)),
        (acv.protected_period_ends, date(2027, 12, 24), date(2029, 6, 23)),
    ],
)
def test_each_period_ends_on_its_last_day_by_the_statute(period, day, last_day):
    assert period(day) == last_day


@pytest.fixture
def listing(db):
    asset = Asset.objects.create(kind=AssetKind.BUILDING_OR_LAND, name="The Mill Tavern")
    return AcvListing.objects.create(
        asset=asset,
        nominated_by=OrganisationFactory(),
        nominated_on=date(2024, 1, 10),
        decision=AcvDecision.LISTED,
        decided_on=date(2024, 2, 29),
        officer=UserFactory(roles=[roles.COMMISSIONER]),
    )


def test_a_listing_shows_each_date(listing):
    listing.disposal_notice_on = date(2026, 5, 1)
    listing.community_bid_requested_on = date(2026, 5, 20)
    listing.full_clean()
    assert listing.decision_due == date(2024, 3, 5)
    assert listing.listed_until == date(2029, 2, 28)
    assert listing.interim_moratorium_ends == date(2026, 6, 11)
    assert listing.full_moratorium_ends == date(2026, 10, 31)
    assert listing.protected_period_ends == date(2027, 10, 31)


def test_a_request_to_bid_on_the_last_day_of_the_six_weeks_is_accepted(listing):
    listing.disposal_notice_on = date(2026, 5, 1)
    listing.community_bid_requested_on = date(2026, 6, 11)  # day 42
    listing.full_clean()


def test_a_late_request_to_bid_is_refused_with_the_day_the_window_closed(listing):
    listing.disposal_notice_on = date(2026, 5, 1)
    listing.community_bid_requested_on = date(2026, 6, 12)  # day 43
    with pytest.raises(ValidationError, match="which closed on 11 June 2026"):
        listing.full_clean()


def test_a_request_to_bid_needs_a_notice_first(listing):
    listing.community_bid_requested_on = date(2026, 6, 12)
    with pytest.raises(ValidationError, match="give the date of the notice first"):
        listing.full_clean()


def test_the_listing_page_in_the_admin_shows_every_date(client, listing):
    listing.disposal_notice_on = date(2026, 5, 1)
    listing.community_bid_requested_on = date(2026, 5, 20)
    listing.save()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(reverse("acvlisting:inspect", args=[listing.pk])).content.decode()
    assert "Tuesday 5 March 2024" in html  # decision due
    assert "Wednesday 28 February 2029" in html  # listed until
    assert "Thursday 11 June 2026" in html  # interim moratorium
    assert "Saturday 31 October 2026" in html  # full moratorium
    assert "Sunday 31 October 2027" in html  # protected period


def test_a_late_request_in_the_admin_form_is_refused_and_not_stored(client, listing):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("acvlisting:edit", args=[listing.pk])
    data = {
        "asset": listing.asset_id,
        "nominated_by": listing.nominated_by_id,
        "nominated_on": "2024-01-10",
        "decision": AcvDecision.LISTED,
        "decided_on": "2024-02-29",
        "disposal_notice_on": "2026-05-01",
        "community_bid_requested_on": "2026-06-12",
        "officer": listing.officer_id,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "which closed on 11 June 2026" in response.content.decode()
    listing.refresh_from_db()
    assert listing.disposal_notice_on is None


def test_the_public_asset_page_shows_the_moratorium_a_group_acts_on(client, listing):
    listing.disposal_notice_on = date(2026, 5, 1)
    listing.save()
    html = client.get(reverse("asset-detail", args=[listing.asset.pk])).content.decode()
    assert "Thursday 11 June 2026: the last day a community group can ask" in html
    assert "Sunday 31 October 2027" in html
    assert "Wednesday 28 February 2029" in html


def _at(day):
    return timezone.make_aware(datetime(day.year, day.month, day.day, 9))


def test_officer_reminded_once_when_the_listing_ends_within_six_months(listing):
    ends = date(2029, 2, 28)
    with time_machine.travel(_at(ends - timedelta(days=184)), tick=False):
        assert reminders_sweep() == 0
    with time_machine.travel(_at(ends - timedelta(days=183)), tick=False):
        assert reminders_sweep() == 1
    with time_machine.travel(_at(ends - timedelta(days=30)), tick=False):
        assert reminders_sweep() == 0
    reminder = Reminder.objects.get()
    assert (reminder.kind, reminder.recipient, reminder.due_on) == (
        "acv_expiring",
        listing.officer,
        ends,
    )
    assert "28 February 2029" in reminder.email_subject
