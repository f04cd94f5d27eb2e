"""Check your answers, submit, confirmation: the GOV.UK end of applying."""

import pytest
from django.core import mail
from django.urls import reverse

from grants.models import Application, State
from tests.grants.conftest import draft as complete_draft
from tests.grants.factories import RoundFactory
from tests.organisations.factories import MembershipFactory


@pytest.fixture
def draft(db, client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    client.post(
        reverse("application-start", args=[RoundFactory().pk]),
        {"organisation": membership.organisation.pk},
    )
    return Application.objects.get()


def test_the_draft_shows_a_task_list_of_its_parts(client, draft):
    html = client.get(reverse("application-edit", args=[draft.pk])).content.decode()

    assert 'class="govuk-task-list"' in html
    assert "About your project" in html and "Incomplete" in html
    assert "Save and check your answers" in html


def test_an_incomplete_application_cannot_be_submitted_from_the_check_page(client, draft):
    page = client.get(reverse("application-check", args=[draft.pk])).content.decode()

    assert "You cannot submit yet" in page
    assert f'href="/grants/applications/{draft.pk}/edit/#id_project_title-field"' in page
    assert "Accept and submit" not in page

    client.post(reverse("application-check", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_save_and_check_keeps_the_draft_and_opens_the_check_page(client, draft):
    response = client.post(
        reverse("application-edit", args=[draft.pk]),
        {"version": draft.version, "project_title": "Lunch club", "action": "check"},
    )

    assert response.url == reverse("application-check", args=[draft.pk])
    draft.refresh_from_db()
    assert (draft.project_title, draft.state) == ("Lunch club", State.DRAFT)


def test_a_complete_draft_is_checked_then_submitted_with_a_confirmation(
    client, grant_round, organisation, member, django_capture_on_commit_callbacks
):
    application = complete_draft(grant_round, organisation, member)
    client.force_login(member)

    check = client.get(reverse("application-check", args=[application.pk])).content.decode()
    assert "You cannot submit yet" not in check
    assert "Lunch club" in check and "£4,500" in check
    assert 'Change<span class="govuk-visually-hidden"> project title</span>' in check

    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(
            reverse("application-check", args=[application.pk]),
            {"version": application.version},
            follow=True,
        )

    application.refresh_from_db()
    assert application.state != State.DRAFT
    html = submitted.content.decode()
    assert "Application submitted" in html and application.reference in html
    assert 'class="govuk-panel govuk-panel--confirmation"' in html
    assert any(application.reference in message.body for message in mail.outbox)


def test_a_second_submission_is_refused_and_changes_nothing(
    client, grant_round, organisation, member
):
    application = complete_draft(grant_round, organisation, member)
    client.force_login(member)
    client.post(
        reverse("application-check", args=[application.pk]), {"version": application.version}
    )
    application.refresh_from_db()
    state, version = application.state, application.version

    again = client.post(reverse("application-check", args=[application.pk]), {"version": version})

    application.refresh_from_db()
    assert again.url == reverse("application-detail", args=[application.pk])
    assert (application.state, application.version) == (state, version)


def test_the_call_pages_start_link_asks_which_organisation_is_applying(client, member):
    round_ = RoundFactory()
    client.force_login(member)

    page = client.get(reverse("application-start", args=[round_.pk])).content.decode()
    refused = client.post(reverse("application-start", args=[round_.pk]), {})
    started = client.post(
        reverse("application-start", args=[round_.pk]),
        {"organisation": member.memberships.get().organisation.pk},
    )

    assert "Which organisation is applying?" in page and "checked" in page
    assert refused.status_code == 400
    assert "Select the organisation that is applying" in refused.content.decode()
    assert started.url == reverse("application-edit", args=[Application.objects.get().pk])


def test_sign_in_leaves_focus_where_the_browser_puts_it(client):
    assert "autofocus" not in client.get("/accounts/sign-in/").content.decode()
    assert "autofocus" not in client.get("/accounts/sign-up/").content.decode()
