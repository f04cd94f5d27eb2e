"""Applicants are not lost: starting again leads to the draft there is, a
draft keeps every sound answer, a changed draft is not submitted unseen,
the offer shows its payment dates, and only accepted grants are published."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from cms.models import AwardsPage, HomePage
from grants.models import Application, State
from grants.services import applying, assessment, awards
from people import roles
from tests.cms.conftest import publish
from tests.grants.conftest import WHAT_ID, complete_answers, draft
from tests.grants.factories import RoundFactory
from tests.grants.test_officer_steps import accepted, at_panel
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_start_your_application_leads_to_the_draft_a_colleague_began(client, grant_round):
    first = MembershipFactory()
    colleague = MembershipFactory(organisation=first.organisation)
    started = draft(grant_round, first.organisation, first.user)
    client.force_login(colleague.user)

    response = client.post(
        reverse("application-start", args=[grant_round.pk]),
        {"organisation": first.organisation.pk},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("application-edit", args=[started.pk])
    assert f"{first.organisation.name} already has a draft: carry on with it." in (
        response.content.decode()
    )
    assert Application.objects.count() == 1


def test_start_your_application_after_submitting_shows_the_application(client, submitted):
    member = submitted.organisation.memberships.get().user
    client.force_login(member)
    response = client.post(
        reverse("application-start", args=[submitted.round_id]),
        {"organisation": submitted.organisation.pk},
    )
    assert response.url == reverse("application-detail", args=[submitted.pk])


def test_saving_a_draft_keeps_every_sound_answer_and_shows_only_the_bad_one(
    client, grant_round, organisation, member
):
    application = draft(grant_round, organisation, member)  # asked £4,500
    client.force_login(member)
    response = client.post(
        reverse("application-edit", args=[application.pk]),
        {
            "version": application.version,
            "project_title": "Lunch club on Fridays",
            "amount_requested": "six thousand",
            "annual_income": "30,000",
            f"q_{WHAT_ID}": "Friday lunches for neighbours who live alone.",
            "action": "save",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Your other answers are saved. Put right the ones shown below." in page
    assert 'value="six thousand"' in page  # what was typed, to correct
    application.refresh_from_db()
    assert application.project_title == "Lunch club on Fridays"
    assert application.annual_income == Decimal(30000)
    assert application.amount_requested == Decimal(4500)  # the last sound amount
    assert application.answers[WHAT_ID] == "Friday lunches for neighbours who live alone."

    # The page carries the new version: the next save is not taken as a clash.
    again = client.post(
        reverse("application-edit", args=[application.pk]),
        {
            "version": application.version,
            "project_title": "Lunch club on Fridays",
            "amount_requested": "4,500",
            "annual_income": "30,000",
            f"q_{WHAT_ID}": "Friday lunches for neighbours who live alone.",
            "action": "save",
        },
    )
    assert again.status_code == 302


def test_submit_is_refused_when_the_draft_changed_after_the_check_page(
    client, grant_round, organisation, member
):
    application = draft(grant_round, organisation, member)
    client.force_login(member)
    check = client.get(reverse("application-check", args=[application.pk])).content.decode()
    assert f'name="version" value="{application.version}"' in check
    read = application.version
    # A colleague saves a change after the page was read.
    applying.application_save(
        application=application,
        actor=member,
        expected_version=read,
        changes=applying.DraftChanges(
            "Lunch club", Decimal(4500), Decimal(25000), complete_answers(), {}
        ),
    )
    response = client.post(
        reverse("application-check", args=[application.pk]), {"version": read}, follow=True
    )
    assert (
        "Nothing was submitted: the application changed after you opened this page. "
        "Check the answers below again, then submit."
    ) in response.content.decode()
    application.refresh_from_db()
    assert application.state == State.DRAFT


def test_the_offer_shows_its_payment_dates_and_amounts_before_acceptance(client):
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    application, person = at_panel(RoundFactory(), officer)
    assessment.decisions_record(
        round_=application.round,
        actor=officer,
        decisions=[assessment.Decision(application.pk, "approve", "Clear", Decimal("4500.50"))],
    )
    application.refresh_from_db()
    awards.offer_send(
        application=application,
        actor=officer,
        starts_on=date(2027, 4, 1),
        ends_on=date(2028, 3, 31),
        payments=[(date(2027, 4, 1), Decimal(3000)), (date(2027, 10, 1), Decimal("1500.50"))],
        return_dates=[date(2028, 3, 31)],
    )
    client.force_login(person)
    page = client.get(reverse("application-detail", args=[application.pk])).content.decode()
    assert "Accept the offer" in page
    assert "<li>£3,000 on 1 April 2027</li>" in page
    assert "<li>£1,500.50 on 1 October 2027</li>" in page
    assert "<li>31 March 2028</li>" in page


def test_grants_awarded_lists_a_grant_once_its_offer_is_accepted(client):
    awards_page = publish(HomePage.objects.get(), AwardsPage(title="Grants awarded", slug="awards"))
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    grant_round = RoundFactory()
    approved, _person = at_panel(grant_round, officer)
    assessment.decisions_record(
        round_=grant_round,
        actor=officer,
        decisions=[assessment.Decision(approved.pk, "approve", "Clear", Decimal(2000))],
    )
    taken = accepted(grant_round, officer)
    page = client.get(awards_page.url).content.decode()
    assert taken.organisation.name in page
    assert approved.organisation.name not in page  # approved, offer not yet accepted
