"""The dashboard's list of what to do next, soonest first."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from grants.models import Application, InformationRequest, State
from people.models import User
from portal.next_steps import next_steps_for
from social_value.models import AssignmentState


@pytest.fixture
def demo(db):
    call_command("demo_load", stdout=io.StringIO())


def titles(email):
    return [step.title for step in next_steps_for(User.objects.get(email=email))]


def test_an_applicant_sees_the_draft_they_must_finish_before_the_round_closes(demo):
    steps = next_steps_for(User.objects.get(email="applicant@ashbyvale.example"))

    draft = next(s for s in steps if s.title.startswith("Finish your application"))
    assert not draft.overdue and "Connected Communities Fund, round 2" in draft.detail
    assert draft.due > timezone.now()


def test_a_grant_holder_sees_their_late_monitoring_return_first(demo):
    holder = User.objects.filter(memberships__organisation__name="Northgate Neighbours").first()

    steps = next_steps_for(holder)

    assert steps[0].title == "Send your monitoring return" and steps[0].overdue
    assert "Tea and talk afternoons" in steps[0].detail


def test_a_question_from_the_grants_team_appears_until_it_is_answered(demo):
    applicant = User.objects.get(email="applicant@ashbyvale.example")
    draft = Application.objects.filter(
        organisation__memberships__user=applicant, state=State.DRAFT
    ).first()
    Application.objects.filter(pk=draft.pk).update(state=State.MORE_INFO)
    request = InformationRequest.objects.create(
        application=draft,
        question="How many people came last year?",
        requested_by=User.objects.get(email="grants@ashbyvale.example"),
        due_at=timezone.now() + timedelta(days=2),
    )

    assert "Answer the grants team's question" in titles(applicant.email)
    InformationRequest.objects.filter(pk=request.pk).update(answer="About forty.")
    assert "Answer the grants team's question" not in titles(applicant.email)


def test_a_panel_member_sees_what_they_have_to_score(demo):
    panel = User.objects.get(email="panel@ashbyvale.example")
    waiting = panel.panel_seats.first().assignments.filter(
        state__in=[AssignmentState.AWAITING_DECLARATION, AssignmentState.SCORING]
    )

    steps = titles(panel.email)

    assert waiting.exists()
    assert len([t for t in steps if t.startswith(("Score ", "Declare any conflict"))]) == (
        waiting.filter(submission__call__state="scoring").count()
    )


def test_someone_with_nothing_to_do_sees_nothing(demo):
    assert next_steps_for(User.objects.get(email="commissioner@ashbyvale.example")) == []


def test_the_dashboard_opens_with_what_to_do_next(client, demo):
    client.force_login(User.objects.get(email="applicant@ashbyvale.example"))

    html = client.get("/portal/").content.decode()

    assert "What to do next" in html
    assert "Finish your application: Cook-and-share lunch club" in html
