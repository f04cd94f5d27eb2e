"""Delivery: transient failures retried without sending twice; permanent
failures recorded and shown to officers."""

import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from people import roles
from reminders.models import Reminder, ReminderState
from reminders.services.sweep import TransientMailError, reminders_deliver, reminders_record
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
    return Reminder.objects.get()


def test_transient_failure_then_success_sends_one_email_one_record(flaky, one_due):
    flaky["left"], flaky["error"] = 1, smtplib.SMTPServerDisconnected("connection dropped")
    with pytest.raises(TransientMailError):
        reminders_deliver()
    one_due.refresh_from_db()
    assert (one_due.state, one_due.attempts) == (ReminderState.PENDING, 1)
    assert mail.outbox == []
    assert reminders_deliver() == (1, 1)  # the retry
    assert reminders_deliver() == (0, 0)  # and nothing more
    assert len(mail.outbox) == 1
    assert Reminder.objects.get().state == ReminderState.SENT


def test_recording_twice_keeps_one_row(one_due, grant_round):
    with time_machine.travel(grant_round.closes_at - timedelta(hours=4), tick=False):
        reminders_record()
    assert Reminder.objects.count() == 1


def test_permanent_failure_is_recorded_and_shown_to_officers(client, flaky, one_due):
    flaky["left"] = 1
    flaky["error"] = smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"No such user")})
    assert reminders_deliver() == (1, 0)
    one_due.refresh_from_db()
    assert one_due.state == ReminderState.FAILED
    assert "No such user" in one_due.error
    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))
    listing = client.get("/admin/reminder/?state=failed").content.decode()
    assert "Could not be sent" in listing
    assert "No such user" in listing
