"""A published deadline is a promise: it moves only by a recorded change
with a reason, never earlier once anyone has started, and bids open only
after the deadline as advertised. Times are written out by hand in UK time."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_fsm_log.models import StateLog

from commissioning.models import Bid, BidState, Tender, TenderState
from commissioning.services.bids import bid_start
from commissioning.services.deadlines import tender_deadline_change
from commissioning.services.tenders import (
    interest_register,
    tender_open_bids,
    tender_publish,
    tenders_close_due,
)
from foundation.models import DeadlineChange
from people import roles
from reminders.models import Notification
from tests.commissioning.conftest import bid_in, bidder_make, tender_approved, tender_make
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UK)  # Monday 4 January 2027, 9am
DEADLINE = datetime(2027, 1, 20, 12, 0, tzinfo=UK)  # Wednesday 20 January 2027, midday


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def published(clock, commissioner):
    tender = tender_make(commissioner, deadline=DEADLINE)
    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    tender.refresh_from_db()
    return tender


@pytest.fixture
def started(published):
    """One organisation has a draft bid, another has registered interest."""
    drafter = bidder_make("Drafting Care CIC")
    bid_start(
        lot=published.lots.first(),
        organisation=drafter.memberships.get().organisation,
        actor=drafter,
    )
    watcher = bidder_make("Watching Care Ltd")
    interest_register(
        tender=published, organisation=watcher.memberships.get().organisation, actor=watcher
    )
    return {"drafter": drafter, "watcher": watcher}


def form(date_text: str, time_text: str, reason="", which="submission_deadline") -> dict:
    day, month, year = date_text.split()
    return {
        "which": which,
        "new_date_day": day,
        "new_date_month": month,
        "new_date_year": year,
        "new_time": time_text,
        "reason": reason,
    }


def test_a_commissioner_extends_the_deadline_and_everyone_taking_part_is_told(
    client, commissioner, published, started, django_capture_on_commit_callbacks
):
    client.force_login(commissioner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("tender-deadline", args=[published.pk]),
            form("27 1 2027", "5pm", "Two providers asked for more time over the holidays."),
        )
    assert response.status_code == 302

    published.refresh_from_db()
    assert published.submission_deadline == datetime(2027, 1, 27, 17, 0, tzinfo=UK)
    change = DeadlineChange.objects.get()
    assert change.old_value == datetime(2027, 1, 20, 12, 0, tzinfo=UK)
    assert change.new_value == datetime(2027, 1, 27, 17, 0, tzinfo=UK)
    assert change.changed_by == commissioner
    audit = StateLog.objects.get(transition="deadline_change")
    assert audit.by == commissioner
    assert "midday on Wednesday 20 January 2027" in audit.description
    assert "5:00pm on Wednesday 27 January 2027" in audit.description
    assert "more time over the holidays" in audit.description

    told = sorted(address for message in mail.outbox for address in message.to)
    assert told == sorted([started["drafter"].email, started["watcher"].email])
    assert "5:00pm on Wednesday 27 January 2027" in mail.outbox[0].body
    for person in started.values():
        assert Notification.objects.filter(user=person, text__contains="27 January 2027").exists()

    public = client.get(reverse("tender-public", args=[published.pk])).content.decode()
    assert "Deadline changed" in public
    assert "Two providers asked for more time over the holidays." in public


def test_the_deadline_cannot_be_brought_earlier_once_anyone_has_started(
    client, commissioner, published, started
):
    with pytest.raises(ValidationError, match="cannot be brought earlier"):
        tender_deadline_change(
            tender=published,
            field="submission_deadline",
            new=datetime(2027, 1, 19, 12, 0, tzinfo=UK),
            reason="To get the contract in place sooner",
            actor=commissioner,
        )

    client.force_login(commissioner)
    response = client.post(
        reverse("tender-deadline", args=[published.pk]),
        form("19 1 2027", "12:00", "To get the contract in place sooner"),
    )
    assert response.status_code == 400
    assert "cannot be brought earlier: organisations have already started" in (
        response.content.decode()
    )
    published.refresh_from_db()
    assert published.submission_deadline == DEADLINE
    assert not DeadlineChange.objects.exists()
    assert not StateLog.objects.filter(transition="deadline_change").exists()


def test_an_administrator_cannot_bring_it_earlier_in_the_wagtail_admin(published, started):
    administrator = UserFactory(roles=[roles.ADMINISTRATOR], is_superuser=True, is_staff=True)
    browser = Client()
    browser.force_login(administrator)
    edit = reverse("tender:edit", args=[published.pk])
    page = browser.get(edit)
    assert page.status_code == 200
    assert "change it with “Change the deadline”" in page.content.decode()

    form_data = {
        key: value
        for key, value in page.context["form"].initial.items()
        if isinstance(value, str | int)
    }
    form_data.update(
        {
            "commission": published.commission_id,
            "title": "Home support in Northgate (revised)",
            "description": published.description,
            "estimated_value": "900000",
            "procedure": "open",
            "submission_deadline": "2027-01-05 09:00",
            "clarification_deadline": "2027-01-04 10:00",
            "expected_award": "2027-03-01",
            "contract_starts": "2027-04-01",
            "contract_ends": "2030-03-31",
            "call": published.call_id,
            "questions-count": "0",
        }
    )
    response = browser.post(edit, form_data)
    assert response.status_code == 302, response.context["form"].errors
    published.refresh_from_db()
    # The edit was saved, but not the deadlines.
    assert published.title == "Home support in Northgate (revised)"
    assert published.submission_deadline == DEADLINE
    assert published.clarification_deadline == DEADLINE - timedelta(days=7)


def test_before_anyone_starts_earlier_needs_the_minimum_notice(commissioner, published):
    # Ten days from 9am on 4 January is 9am on 14 January.
    with pytest.raises(ValidationError, match="at least 10 days' notice"):
        tender_deadline_change(
            tender=published,
            field="submission_deadline",
            new=datetime(2027, 1, 13, 12, 0, tzinfo=UK),
            reason="Budget year",
            actor=commissioner,
        )
    tender_deadline_change(
        tender=published,
        field="submission_deadline",
        new=datetime(2027, 1, 15, 12, 0, tzinfo=UK),
        reason="Budget year",
        actor=commissioner,
    )
    published.refresh_from_db()
    assert published.submission_deadline == datetime(2027, 1, 15, 12, 0, tzinfo=UK)


def test_a_change_needs_a_reason_and_a_real_time(client, commissioner, published):
    client.force_login(commissioner)
    response = client.post(
        reverse("tender-deadline", args=[published.pk]), form("27 1 2027", "25:99", "")
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a real time, for example 12:00 or 5:30pm" in html
    assert "Say why the deadline is changing" in html
    published.refresh_from_db()
    assert published.submission_deadline == DEADLINE


@pytest.mark.parametrize("role", [roles.APPLICANT, roles.PANEL_MEMBER, roles.GRANTS_OFFICER])
def test_only_a_commissioner_may_change_a_tender_deadline(client, published, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.post(
        reverse("tender-deadline", args=[published.pk]), form("27 1 2027", "5pm", "Why not")
    )
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.submission_deadline == DEADLINE


def test_bids_are_not_opened_before_the_advertised_deadline_whatever_the_database_says(
    clock, commissioner, published
):
    bidder = bidder_make("Sealed Care CIC")
    bid_in(published.lots.first(), bidder)

    # Someone moves the closing time to the past behind the service's back.
    Tender.objects.filter(pk=published.pk).update(
        submission_deadline=datetime(2027, 1, 4, 8, 0, tzinfo=UK)
    )
    assert tenders_close_due() == []
    assert Tender.objects.get(pk=published.pk).state == TenderState.PUBLISHED

    # ...and closes it too.
    Tender.objects.filter(pk=published.pk).update(state=TenderState.CLOSED)
    with pytest.raises(ValidationError, match="before the advertised closing date, midday on"):
        tender_open_bids(tender=Tender.objects.get(pk=published.pk), actor=commissioner)
    assert Bid.objects.get().state == BidState.SUBMITTED
    assert Tender.objects.get(pk=published.pk).state == TenderState.CLOSED

    # After the advertised deadline the bids open as usual.
    clock.move_to(datetime(2027, 1, 20, 12, 0, 1, tzinfo=UK))
    assert tender_open_bids(tender=Tender.objects.get(pk=published.pk), actor=commissioner) == 1


def test_an_extension_keeps_the_tender_open_until_the_new_time(clock, commissioner, published):
    tender_deadline_change(
        tender=published,
        field="submission_deadline",
        new=datetime(2027, 1, 27, 17, 0, tzinfo=UK),
        reason="More time",
        actor=commissioner,
    )
    clock.move_to(datetime(2027, 1, 21, 9, 0, tzinfo=UK))
    assert tenders_close_due() == []
    clock.move_to(datetime(2027, 1, 27, 17, 0, 1, tzinfo=UK))
    assert tenders_close_due() == [published.pk]


def test_members_of_an_organisation_not_taking_part_are_not_told(
    commissioner, published, started, django_capture_on_commit_callbacks
):
    outsider = MembershipFactory(organisation=OrganisationFactory()).user
    with django_capture_on_commit_callbacks(execute=True):
        tender_deadline_change(
            tender=published,
            field="clarification_deadline",
            new=datetime(2027, 1, 15, 17, 0, tzinfo=UK),
            reason="More time for questions",
            actor=commissioner,
        )
    assert outsider.email not in [address for m in mail.outbox for address in m.to]
    assert not Notification.objects.filter(user=outsider).exists()


def test_a_published_tenders_lot_cannot_be_moved_or_renumbered_in_the_admin(published):
    lot = published.lots.get(number=1)
    other = tender_make(UserFactory(roles=[roles.COMMISSIONER]))
    browser = Client()
    browser.force_login(UserFactory(roles=[roles.ADMINISTRATOR], is_superuser=True))
    response = browser.post(
        reverse("lot:edit", args=[lot.pk]),
        {
            "tender": other.pk,
            "number": "7",
            "title": "Area 1, renamed",
            "description": "",
            "estimated_value": "1",
        },
    )
    assert response.status_code == 302
    lot.refresh_from_db()
    assert lot.title == "Area 1, renamed"
    assert (lot.tender_id, lot.number, lot.estimated_value) == (published.pk, 1, 450000)


def criteria_post(call, **change) -> dict:
    """The call's admin edit form as posted, with `change` applied to the first criterion."""
    data = {
        "title": call.title,
        "kind": call.kind,
        "framework": call.framework_id or "",
        "scale": call.scale,
        "social_value_floor": str(call.social_value_floor),
        "disagreement_threshold": str(call.disagreement_threshold),
        "panel": call.panel_id,
        "members_per_submission": call.members_per_submission,
        "scoring_deadline": "",
    }
    if call.requires_lived_experience_member:
        data["requires_lived_experience_member"] = "on"
    criteria = list(call.criteria.order_by("sort_order"))
    data.update(
        {
            "criteria-TOTAL_FORMS": len(criteria),
            "criteria-INITIAL_FORMS": len(criteria),
            "criteria-MIN_NUM_FORMS": 0,
            "criteria-MAX_NUM_FORMS": 1000,
        }
    )
    for index, criterion in enumerate(criteria):
        row = {
            "id": criterion.pk,
            "kind": criterion.kind,
            "title": criterion.title,
            "guidance": criterion.guidance,
            "weight": str(criterion.weight),
            "theme": criterion.theme_id or "",
            "min_score": "" if criterion.min_score is None else criterion.min_score,
            "ORDER": index + 1,
        }
        if criterion.is_social_value:
            row["is_social_value"] = "on"
        if index == 1:
            row.update(change)
        data.update({f"criteria-{index}-{key}": value for key, value in row.items()})
    return data


def test_a_published_tenders_criteria_and_weights_cannot_change_in_the_admin(
    commissioner, published
):
    browser = Client()
    browser.force_login(UserFactory(roles=[roles.ADMINISTRATOR], is_superuser=True))
    call = published.call
    method = call.criteria.order_by("sort_order")[1]
    response = browser.post(reverse("call:edit", args=[call.pk]), criteria_post(call, weight="70"))
    assert response.status_code == 200
    assert "cannot change now" in response.content.decode()
    method.refresh_from_db()
    assert method.weight == 50


def test_before_publishing_the_criteria_can_still_change_in_the_admin(commissioner):
    draft = tender_make(commissioner)
    browser = Client()
    browser.force_login(UserFactory(roles=[roles.ADMINISTRATOR], is_superuser=True))
    call = draft.call
    method = call.criteria.order_by("sort_order")[1]
    response = browser.post(
        reverse("call:edit", args=[call.pk]), criteria_post(call, title="Method and approach")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    method.refresh_from_db()
    assert method.title == "Method and approach"
