"""Asking to reset a password tells nobody whether the address has an
account: the same page, the same words, and mail only to a real owner. The
link goes through the outbox, so a mail server that is down delays it and
never fails the page."""

import re
import socket
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from foundation.models import OutgoingEmail, OutgoingEmailState
from foundation.tasks import outbox_sweep
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')
CLOSED_PORT = 8209  # nothing listens here
LINK = re.compile(r"http://testserver/accounts/password-reset/[^/\s]+/[^/\s]+/")


def _ask(email):
    response = Client().post(reverse("password_reset"), {"email": email}, follow=True)
    return response.redirect_chain, response.status_code, CSRF.sub("", response.content.decode())


@pytest.fixture
def mail_server_down(settings):
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", CLOSED_PORT)) != 0, "the port must be closed"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", CLOSED_PORT
    settings.EMAIL_TIMEOUT = 5


def test_a_known_and_an_unknown_address_get_the_same_answer(django_capture_on_commit_callbacks):
    UserFactory(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = _ask("known@example.org")
        unknown = _ask("nobody@example.org")
    assert known == unknown
    assert known[0] == [(reverse("password_reset_done"), 302)]
    assert "Check your e-mail" in known[2]
    (message,) = mail.outbox
    assert message.to == ["known@example.org"]
    assert LINK.search(message.body)
    # Only the owner's e-mail was queued, and its link is not kept once sent.
    email = OutgoingEmail.objects.get()
    assert (email.to, email.state, email.body) == ("known@example.org", "sent", "")


def test_the_reset_page_answers_while_the_mail_server_is_down_and_the_link_comes_later(
    mail_server_down, settings, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        redirects, status, html = _ask("known@example.org")

    assert status == 200
    assert redirects == [(reverse("password_reset_done"), 302)]
    assert "Check your e-mail" in html
    email = OutgoingEmail.objects.get()
    assert email.to == "known@example.org"
    assert email.state == OutgoingEmailState.QUEUED
    assert email.attempts == 1 and "refused" in email.error.lower()
    assert mail.outbox == []

    # The server is back; the periodic sweep runs after the back-off.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        outbox_sweep.delay()
    (message,) = mail.outbox
    assert message.to == ["known@example.org"]
    assert message.subject.startswith("Reset your password")
    link = LINK.search(message.body).group(0)
    email.refresh_from_db()
    assert (email.state, email.body) == (OutgoingEmailState.SENT, "")

    # The link works: it leads to the form for a new password.
    form = Client().get(link, follow=True)
    assert form.status_code == 200
    assert "new_password1" in form.content.decode()


def test_an_unknown_address_while_the_mail_server_is_down_looks_the_same_and_queues_nothing(
    mail_server_down, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = _ask("known@example.org")
        unknown = _ask("nobody@example.org")
    assert known == unknown
    assert "Check your e-mail" in unknown[2]
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["known@example.org"]
