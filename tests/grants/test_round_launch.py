"""A round's launch has two officers: one sends it for approval, another
approves it with a reason that the timeline keeps. Until then the round is
neither open for applications nor on "Calls for partners"."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django_fsm_log.models import StateLog

from grants.models import LaunchState
from grants.selectors import rounds_open
from grants.services.launches import (
    round_launch_approve,
    round_launch_send_for_approval,
    round_launch_start,
)
from people import roles
from tests.cms.conftest import calls_index, home  # noqa: F401 (fixtures)
from tests.grants.factories import RoundFactory
from tests.people.factories import UserFactory
from tests.social_value.factories import CriterionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_round(db):
    now = timezone.now()
    round_ = RoundFactory(
        title="Warm spaces this winter",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=30),
    )
    CriterionFactory(call=round_.call, title="Need", weight=Decimal(100))
    round_launch_start(round_=round_)
    return round_


@pytest.fixture
def second_officer(db):
    return UserFactory(roles=[roles.GRANTS_OFFICER], first_name="Nia", last_name="Evans")


def test_a_round_waiting_for_its_launch_is_neither_open_nor_listed(
    client,
    calls_index,  # noqa: F811
    new_round,
):
    assert not new_round.is_open()
    assert new_round not in rounds_open()
    assert "Warm spaces this winter" not in client.get("/calls/").content.decode()
    assert client.get(f"/calls/rounds/{new_round.pk}/").status_code == 404


def test_the_sender_cannot_approve_the_launch(officer, new_round):
    round_launch_send_for_approval(round_=new_round, actor=officer)
    with pytest.raises(Exception, match="so you cannot approve it: another officer must"):
        round_launch_approve(round_=new_round, actor=officer, reason="All checked")
    new_round.launch.refresh_from_db()
    assert new_round.launch.state == LaunchState.AWAITING_APPROVAL


def test_another_officer_approves_it_with_a_reason_and_it_is_on_calls_for_partners(
    client,
    calls_index,  # noqa: F811
    officer,
    second_officer,
    new_round,
):
    client.force_login(officer)
    page = reverse("round-launch", args=[new_round.pk])
    client.post(page, {"action": "send_for_approval"})
    sent = client.get(page).content.decode()
    assert "You sent this launch for approval, so another officer approves it." in sent
    assert "Approve the launch" not in sent

    client.force_login(second_officer)
    refused = client.post(page, {"action": "approve", "reason": ""})
    assert refused.status_code == 400
    assert "Give the reason for approving." in refused.content.decode()
    client.post(page, {"action": "approve", "reason": "Criteria and questions fit the fund."})

    entry = StateLog.objects.get(transition="approve", object_id=new_round.launch.pk)
    assert entry.by == second_officer
    assert entry.description == "Launch approved: Criteria and questions fit the fund."
    assert (
        "Launch approved: Criteria and questions fit the fund." in client.get(page).content.decode()
    )
    new_round.refresh_from_db()
    assert new_round.is_open()
    client.logout()
    assert "Warm spaces this winter</a>" in client.get("/calls/").content.decode()


def test_a_round_with_no_criteria_cannot_go_for_approval(client, officer):
    now = timezone.now()
    round_ = RoundFactory(
        title="Unfinished round",
        opens_at=now + timedelta(days=7),
        closes_at=now + timedelta(days=37),
    )
    client.force_login(officer)
    page = reverse("round-launch", args=[round_.pk])
    client.post(page, {"action": "send_for_approval"})
    html = client.get(page).content.decode()
    assert "Add at least one scored criterion." in html
    assert round_.launch.state == LaunchState.DRAFT


def test_only_officers_reach_the_launch_page(client, new_round):
    client.force_login(UserFactory(roles=[roles.APPLICANT]))
    assert client.get(reverse("round-launch", args=[new_round.pk])).status_code == 403
