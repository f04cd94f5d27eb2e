"""Asset of Community Value dates (Localism Act 2011), and the reminder
before a listing ends."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from assets import acv
from assets.models import AcvDecision, AcvListing, Asset, AssetKind
from people import roles
from reminders.models import Reminder
from reminders.services.sweep import reminders_sweep
from tests.organisations.factories import OrganisationFactory
from tests.people.factories import UserFactory


def test_decision_due_within_eight_weeks():
    assert acv.decision_due(date(2026, 3, 2)) == date(2026, 4, 27)


def test_listed_for_five_years_from_the_decision():
    assert acv.listing_ends(date(2026, 6, 15)) == date(2031, 6, 15)


def test_a_listing_decided_on_29_february_ends_on_28_february():
    assert acv.listing_ends(date(2028, 2, 29)) == date(2033, 2, 28)
    assert acv.listing_ends(date(2024, 2, 29)) == date(2029, 2, 28)


def test_moratoria_and_the_protected_period_from_a_disposal_notice():
    notice = date(2026, 8, 31)
    assert acv.interim_moratorium_ends(notice) == date(2026, 10, 12)
    assert acv.full_moratorium_ends(notice) == date(2027, 2, 28)  # no 31 February
    assert acv.protected_period_ends(notice) == date(2028, 2, 29)  # a leap year


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
    assert listing.decision_due == date(2024, 3, 6)
    assert listing.listed_until == date(2029, 2, 28)
    assert listing.interim_moratorium_ends == date(2026, 6, 12)
    assert listing.full_moratorium_ends == date(2026, 11, 1)
    assert listing.protected_period_ends == date(2027, 11, 1)


def test_a_late_request_to_bid_is_refused(listing):
    listing.disposal_notice_on = date(2026, 5, 1)
    listing.community_bid_requested_on = date(2026, 6, 13)
    with pytest.raises(ValidationError, match="within the 6-week interim moratorium"):
        listing.full_clean()


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
