"""Nobody approves their own work: the commissioner who sends a tender for
approval cannot approve it, and whoever made the intended award cannot
confirm the award after standstill. Refusals are said on the page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_fsm_log.models import StateLog

from commissioning.models import Tender, TenderState
from people import roles
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def second(db):
    return UserFactory(roles=[roles.COMMISSIONER], first_name="Nia", last_name="Evans")


def act(client, tender, action, **data):
    return client.post(reverse("tender-action", args=[tender.pk, action]), data)


def page(client, tender) -> str:
    return client.get(reverse("tender-manage", args=[tender.pk])).content.decode()


def test_the_sender_cannot_approve_and_another_commissioner_can(
    client, tender, commissioner, second
):
    client.force_login(commissioner)
    assert "Send for approval</button>" in page(client, tender)
    response = act(client, tender, "send_for_approval")
    assert response.status_code == 302
    tender.refresh_from_db()
    assert tender.state == TenderState.AWAITING_APPROVAL

    # The sender is told another commissioner approves it, and is offered no button.
    html = page(client, tender)
    assert "You sent this tender for approval, so another commissioner approves it." in html
    assert ">Approve</button>" not in html
    # Posting anyway (an old page, a second tab) is refused with a message, not an error page.
    response = act(client, tender, "approve", reason="All checked")
    assert response.status_code == 400
    assert "You sent this tender for approval, so you cannot approve it" in (
        response.content.decode()
    )
    tender.refresh_from_db()
    assert tender.state == TenderState.AWAITING_APPROVAL

    client.force_login(second)
    assert ">Approve</button>" in page(client, tender)
    response = act(client, tender, "approve", reason="Appraisal and criteria match the need")
    assert response.status_code == 302
    tender.refresh_from_db()
    assert tender.state == TenderState.APPROVED

    row = StateLog.objects.get(object_id=tender.pk, transition="approve")
    assert row.by == second
    assert row.description == "Approved: Appraisal and criteria match the need"
    timeline = page(client, tender)
    assert "Nia Evans" in timeline
    assert "Approved: Appraisal and criteria match the need" in timeline


def test_approval_needs_a_reason_and_keeps_the_tender_waiting(client, tender, commissioner, second):
    client.force_login(commissioner)
    act(client, tender, "send_for_approval")
    client.force_login(second)
    response = act(client, tender, "approve", reason="  ")
    assert response.status_code == 400
    assert "Give the reason for approving." in response.content.decode()
    tender.refresh_from_db()
    assert tender.state == TenderState.AWAITING_APPROVAL
    assert not StateLog.objects.filter(object_id=tender.pk, transition="approve").exists()


def test_the_approver_can_send_it_back_with_what_to_change(client, tender, commissioner, second):
    client.force_login(commissioner)
    act(client, tender, "send_for_approval")
    client.force_login(second)
    response = act(client, tender, "send_back", reason="Split Northgate into two lots")
    assert response.status_code == 302
    tender.refresh_from_db()
    assert tender.state == TenderState.DRAFT
    assert tender.sent_for_approval_by is None
    assert "Sent back: Split Northgate into two lots" in page(client, tender)


def test_whoever_made_the_intended_award_cannot_confirm_it(client, tender, commissioner):
    # A tender whose standstill ended yesterday, its intended award made by
    # this commissioner (the full evaluation is walked in test_tender_lifecycle).
    Tender.objects.filter(pk=tender.pk).update(
        state=TenderState.STANDSTILL, standstill_ends_on=timezone.localdate() - timedelta(days=1)
    )
    StateLog.objects.create(
        content_object=tender,
        transition="decide_intended_award",
        source_state=TenderState.MODERATION,
        state=TenderState.INTENDED_AWARD,
        by=commissioner,
    )
    client.force_login(commissioner)
    response = act(client, tender, "award")
    assert response.status_code == 302
    html = client.get(response.url).content.decode()
    assert "You made the intended award, so you cannot confirm it" in html
    tender.refresh_from_db()
    assert tender.state == TenderState.STANDSTILL
