"""A panel member's journey through the pages, as on a phone."""

import pytest
from django.urls import reverse

from social_value.models import AssignmentState
from social_value.services.calls import call_open_scoring
from social_value.services.panels import assignments_generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(tender):
    call_open_scoring(call=tender.call, actor=tender.officer)
    assignments_generate(call=tender.call, actor=tender.officer)
    return tender.submissions[0].assignments.get(member=tender.lived)


def test_member_declares_scores_saves_and_submits(client, tender, assignment):
    client.force_login(tender.lived.user)
    dashboard = client.get(reverse("panel-dashboard")).content.decode()
    assert "0 of 3 done" in dashboard
    assert "Conflict of interest to declare" in dashboard

    missing = client.post(reverse("panel-declare", args=[assignment.pk]), {})
    assert missing.status_code == 400
    assert "There is a problem" in missing.content.decode()

    client.post(reverse("panel-declare", args=[assignment.pk]), {"conflicted": "no"})
    page = client.get(reverse("panel-submission", args=[assignment.pk])).content.decode()
    assert "Our method statement" in page
    assert "5 – Excellent" in page  # descriptors at hand

    quality, social = f"score_{tender.quality.pk}", f"score_{tender.social_value.pk}"
    draft = client.post(
        reverse("panel-score", args=[assignment.pk]),
        {"action": "save", quality: "3", f"comment_{tender.quality.pk}": "Solid"},
    )
    assert draft.status_code == 302
    premature = client.post(
        reverse("panel-score", args=[assignment.pk]),
        {"action": "submit", quality: "3", f"comment_{tender.quality.pk}": "Solid"},
    )
    assert premature.status_code == 400
    body = premature.content.decode()
    assert "Give a score for “Social value”" in body
    assert 'value="3" checked' in body or "checked" in body  # nothing typed is lost
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.SCORING

    done = client.post(
        reverse("panel-score", args=[assignment.pk]),
        {
            "action": "submit",
            quality: "3",
            f"comment_{tender.quality.pk}": "Solid",
            social: "4",
            f"comment_{tender.social_value.pk}": "Local jobs",
        },
    )
    assert done.status_code == 302
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.SUBMITTED
    page = client.get(reverse("panel-submission", args=[assignment.pk])).content.decode()
    assert "submitted and locked" in page
    assert "Scores from the panel" in page


def test_declaring_a_conflict_recuses_and_closes_the_page(client, tender, assignment):
    client.force_login(tender.lived.user)
    no_reason = client.post(reverse("panel-declare", args=[assignment.pk]), {"conflicted": "yes"})
    assert no_reason.status_code == 400
    assert "Say what the conflict is" in no_reason.content.decode()
    client.post(
        reverse("panel-declare", args=[assignment.pk]),
        {"conflicted": "yes", "nature": "My sister runs the bidder"},
    )
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.RECUSED
    assert client.get(reverse("panel-submission", args=[assignment.pk])).status_code == 403


def test_the_scoring_page_works_at_phone_width_markup(client, tender, assignment):
    client.force_login(tender.lived.user)
    page = client.get(reverse("panel-submission", args=[assignment.pk])).content.decode()
    assert 'name="viewport" content="width=device-width, initial-scale=1' in page
    assert page.count("<h1 ") == 1
