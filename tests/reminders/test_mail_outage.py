"""A mail server that refuses connections never breaks a page: the
applicant's Submit is committed and confirmed, and the e-mail goes out
once the server is back."""

import socket
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from foundation.models import OutgoingEmail, OutgoingEmailState
from foundation.tasks import outbox_sweep
from grants.models import State
from tests.grants.conftest import draft

pytestmark = pytest.mark.django_db
CLOSED_PORT = 8111  # nothing listens here


@pytest.fixture
def mail_server_down(settings):
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", CLOSED_PORT)) != 0, "the port must be closed"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", CLOSED_PORT
    settings.EMAIL_TIMEOUT = 5


def test_submit_succeeds_while_the_mail_server_refuses_and_mails_when_it_is_back(
    client,
    grant_round,
    organisation,
    member,
    mail_server_down,
    settings,
    django_capture_on_commit_callbacks,
):
    application = draft(grant_round, organisation, member)
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("application-check", args=[application.pk]),
            {"version": application.version},
            follow=True,
        )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Application submitted" in html and application.reference in html
    application.refresh_from_db()
    assert application.state != State.DRAFT  # submitted, and on to its checks
    email = OutgoingEmail.objects.get(to=member.email)
    assert email.state == OutgoingEmailState.QUEUED
    assert email.attempts == 1 and "refused" in email.error.lower()
    assert mail.outbox == []

    # The server is back; the periodic sweep runs after the back-off.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert outbox_sweep.delay().get() == 1
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert application.reference in message.subject
    email.refresh_from_db()
    assert email.state == OutgoingEmailState.SENT


def test_sign_up_succeeds_while_the_mail_server_refuses_and_the_link_comes_later(
    client, mail_server_down, settings, django_capture_on_commit_callbacks
):
    password = "canal-side-2026"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account-signup"),
            {
                "email": "sam@example.org",
                "first_name": "Sam",
                "last_name": "Lee",
                "password1": password,
                "password2": password,
            },
            follow=True,
        )
    assert response.status_code == 200
    assert "Check your e-mail" in response.content.decode()
    assert OutgoingEmail.objects.get().state == OutgoingEmailState.QUEUED
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        outbox_sweep.delay()
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"]
    assert "http://testserver/accounts/confirm/" in message.body
    # The link signs its holder in: it is not kept once sent.
    assert OutgoingEmail.objects.get().body == ""
