"""Delivery of reminders through the outbox: temporary failures retried
without sending twice; permanent failures recorded and shown to officers."""

import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from foundation.models import OutgoingEmail, OutgoingEmailState
from people import roles
from reminders.models import Notification, Reminder, ReminderState
from reminders.services.sweep import reminders_deliver, reminders_queue, reminders_record
from tests.grants.conftest import draft
from tests.people.factories import UserFactory
from tests.reminders.flaky_backend import FAILURES

pytestmark = pytest.mark.django_db


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = "tests.reminders.flaky_backend.FlakyBackend"
    yield FAILURES
    FAILURES["left"] = 0


@pytest.fixture
def one_due(grant_round, organisation, member):
    draft(grant_round, organisation, member)
    with time_machine.travel(grant_round.closes_at - timedelta(hours=5), tick=False):
        assert reminders_record() == 1
    assert reminders_queue() == 1
    return Reminder.objects.get()


def test_transient_failure_then_success_sends_one_email_one_record(flaky, one_due):
    flaky["left"], flaky["error"] = 1, smtplib.SMTPServerDisconnected("connection dropped")
    tally = reminders_deliver()
    assert (tally.sent, tally.retrying) == (0, 1)
    one_due.refresh_from_db()
    assert one_due.state == ReminderState.PENDING
    assert (one_due.email.state, one_due.email.attempts) == (OutgoingEmailState.QUEUED, 1)
    assert mail.outbox == []
    assert reminders_deliver().sent == 0  # not before its back-off (60 seconds)
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert reminders_deliver().sent == 1  # the retry
        assert reminders_deliver().sent == 0  # and nothing more
    assert len(mail.outbox) == 1
    assert Reminder.objects.get().state == ReminderState.SENT
    assert Notification.objects.get().text == one_due.email_subject


def test_greylisting_451_is_tried_again_not_failed(flaky, one_due):
    flaky["left"] = 1
    flaky["error"] = smtplib.SMTPRecipientsRefused(
        {one_due.recipient.email: (451, b"4.7.1 Greylisted, try again later")}
    )
    assert reminders_deliver().retrying == 1
    email = OutgoingEmail.objects.get()
    assert email.state == OutgoingEmailState.QUEUED
    assert email.error == "451 4.7.1 Greylisted, try again later"
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert reminders_deliver().sent == 1
    assert len(mail.outbox) == 1


def test_recording_and_queueing_twice_keeps_one_row_and_one_email(one_due, grant_round):
    with time_machine.travel(grant_round.closes_at - timedelta(hours=4), tick=False):
        reminders_record()
    assert reminders_queue() == 0
    assert Reminder.objects.count() == 1
    assert OutgoingEmail.objects.count() == 1


def test_a_crashed_sender_s_claim_comes_back_within_two_minutes(one_due):
    # A sender claimed the e-mail and died before sending it.
    OutgoingEmail.objects.update(
        state=OutgoingEmailState.SENDING,
        claim="dead-sender",
        claimed_until=timezone.now() + timedelta(seconds=120),
    )
    assert reminders_deliver().sent == 0  # still held
    with time_machine.travel(timezone.now() + timedelta(seconds=121)):
        assert reminders_deliver().sent == 1
    assert len(mail.outbox) == 1


def test_permanent_failure_is_recorded_and_shown_to_officers(client, flaky, one_due):
    flaky["left"] = 1
    flaky["error"] = smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"No such user")})
    assert reminders_deliver().failed == 1
    one_due.refresh_from_db()
    assert one_due.state == ReminderState.FAILED
    assert "No such user" in one_due.error
    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))
    listing = client.get("/admin/reminder/?state=failed").content.decode()
    assert "Could not be sent" in listing
    assert "No such user" in listing
