"""The outbox: e-mail written with the change it reports, sent once by a
worker after commit, retried on temporary trouble, recorded as failed on a
permanent refusal, and never sent twice by a sender that is stopped."""

import smtplib
import time
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_fsm_log.models import StateLog

from foundation.delivery import outbox_deliver
from foundation.models import OutgoingEmail, OutgoingEmailState
from foundation.outbox import email_queue, outgoing_email_retry
from foundation.smtp import verdict_for
from tests.foundation.outbox_backends import SOFT_LIMIT, TROUBLE, refuse, trouble
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
State = OutgoingEmailState


@pytest.fixture
def troubled(settings):
    settings.EMAIL_BACKEND = "tests.foundation.outbox_backends.TroubleBackend"
    yield trouble
    TROUBLE.update(on=None, error=None, count=0)


def queue(count: int) -> list[OutgoingEmail]:
    return email_queue(
        to=[f"person{n}@example.org" for n in range(count)],
        subject="Your application",
        body="We have it.",
        topic="Application submitted",
    )


def sent_to() -> list[str]:
    return [message.to[0] for message in mail.outbox]


@pytest.mark.parametrize(
    ("error", "permanent", "lost", "words"),
    [
        (refuse(451, b"4.7.1 Greylisted"), False, False, "451 4.7.1 Greylisted"),
        (refuse(550, b"5.1.1 No such user"), True, False, "550 5.1.1 No such user"),
        (smtplib.SMTPDataError(452, b"Mailbox full"), False, False, "452 Mailbox full"),
        (smtplib.SMTPDataError(554, b"Looks like spam"), True, False, "554 Looks like spam"),
        (smtplib.SMTPSenderRefused(421, b"Closing", "x@y"), False, True, "421 Closing"),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), False, True, None),
        (ConnectionRefusedError(111, "Connection refused"), False, True, None),
        (TimeoutError("timed out"), False, True, "timed out"),
    ],
)
def test_failures_are_sorted_by_the_smtp_standard(error, permanent, lost, words):
    verdict = verdict_for(error)
    assert (verdict.permanent, verdict.connection_lost) == (permanent, lost)
    assert verdict.words == (words or str(error))


def test_an_email_is_sent_once_after_commit_with_the_same_message_id_every_time(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        (email,) = queue(1)
        assert mail.outbox == []  # nothing before the change is committed
    assert sent_to() == ["person0@example.org"]
    assert mail.outbox[0].extra_headers["Message-ID"].startswith(f"<{email.uid.hex}@")
    email.refresh_from_db()
    assert (email.state, email.attempts) == (State.SENT, 1)
    assert outbox_deliver().sent == 0  # a repeated task finds nothing to send
    assert len(mail.outbox) == 1


def test_a_change_rolled_back_sends_nothing(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValueError),
        transaction.atomic(),
    ):
        queue(2)
        raise ValueError("the change failed")
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


def test_a_temporary_refusal_waits_and_doubles_then_sends_once(troubled):
    queue(1)
    troubled(on={1, 2}, error=refuse(451, b"4.7.1 Greylisted"))
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert outbox_deliver().retrying == 1
    email = OutgoingEmail.objects.get()
    assert (email.state, email.attempts, email.error) == (
        State.QUEUED,
        1,
        "451 4.7.1 Greylisted",
    )
    assert email.next_attempt_at == start + timedelta(seconds=60)
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        assert outbox_deliver().retrying == 1
    email.refresh_from_db()
    assert email.next_attempt_at == start + timedelta(seconds=61 + 120)
    with time_machine.travel(start + timedelta(seconds=182), tick=False):
        assert outbox_deliver().sent == 1
    assert sent_to() == ["person0@example.org"]


def test_a_permanent_refusal_is_failed_with_the_server_s_words_and_the_rest_go(troubled):
    queue(3)
    troubled(on={2}, error=refuse(550, b"5.1.1 No such user"))
    tally = outbox_deliver()
    assert (tally.sent, tally.failed) == (2, 1)
    failed = OutgoingEmail.objects.get(state=State.FAILED)
    assert (failed.to, failed.error) == ("person1@example.org", "550 5.1.1 No such user")
    assert sent_to() == ["person0@example.org", "person2@example.org"]


def test_a_dropped_connection_puts_back_the_rest_unsent(troubled):
    queue(4)
    troubled(on={2}, error=smtplib.SMTPServerDisconnected("Connection unexpectedly closed"))
    tally = outbox_deliver()
    assert (tally.sent, tally.retrying) == (1, 1)
    states = dict(OutgoingEmail.objects.values_list("to", "state"))
    assert states == {
        "person0@example.org": State.SENT,
        "person1@example.org": State.QUEUED,  # tried: after its back-off
        "person2@example.org": State.QUEUED,  # not tried: at once
        "person3@example.org": State.QUEUED,
    }
    assert outbox_deliver().sent == 2
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert outbox_deliver().sent == 1
    assert sorted(sent_to()) == [f"person{n}@example.org" for n in range(4)]


def test_a_sender_stopped_by_its_soft_time_limit_sends_nothing_twice(troubled):
    queue(5)
    troubled(on={3}, error=SOFT_LIMIT)
    tally = outbox_deliver()
    assert (tally.sent, tally.stopped_early) == (2, True)
    # What it held went back at once, the interrupted one included.
    assert OutgoingEmail.objects.filter(state=State.SENDING).count() == 0
    assert outbox_deliver().sent == 3
    assert sorted(sent_to()) == [f"person{n}@example.org" for n in range(5)]


def test_a_sender_takes_no_new_message_once_its_time_is_spent(settings):
    queue(3)
    tally = outbox_deliver(stop_at=time.monotonic())
    assert (tally.sent, tally.stopped_early) == (0, True)
    assert set(OutgoingEmail.objects.values_list("state", flat=True)) == {State.QUEUED}


def test_a_dead_sender_s_rows_come_back_when_its_lease_runs_out():
    emails = queue(2)
    OutgoingEmail.objects.filter(pk=emails[0].pk).update(
        state=State.SENDING, claim="dead", claimed_until=timezone.now() + timedelta(seconds=120)
    )
    assert outbox_deliver().sent == 1  # the other one
    with time_machine.travel(timezone.now() + timedelta(seconds=121)):
        assert outbox_deliver().sent == 1
    assert sorted(sent_to()) == ["person0@example.org", "person1@example.org"]


def test_many_failures_in_one_sweep_alert_the_administrators(troubled, settings, caplog):
    settings.ADMINS = [("Ops", "ops@example.org")]
    cache.clear()
    queue(10)
    troubled(on={1, 2, 3}, error=refuse(550, b"5.1.1 No such user"))
    with caplog.at_level("ERROR", logger="foundation.delivery"):
        tally = outbox_deliver()
    assert (tally.sent, tally.failed) == (7, 3)
    assert "E-mail delivery is failing: 3 of 10 e-mails could not be sent" in caplog.text
    alert = mail.outbox[-1]
    assert (alert.to, alert.subject) == (["ops@example.org"], "[Django] E-mail delivery is failing")
    # The next sweep's trouble is logged, but mailed only after an hour.
    queue(5)
    troubled(on={1, 2, 3, 4, 5}, error=refuse(550, b"5.1.1 No such user"))
    outbox_deliver()
    assert [m.to for m in mail.outbox].count(["ops@example.org"]) == 1


def test_few_failures_raise_no_alert(troubled, settings, caplog):
    settings.ADMINS = [("Ops", "ops@example.org")]
    cache.clear()
    queue(10)
    troubled(on={1}, error=refuse(550, b"5.1.1 No such user"))
    outbox_deliver()
    assert "failing" not in caplog.text
    assert "ops@example.org" not in sent_to()


def test_sent_confirmation_links_are_erased_from_the_outbox(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (email,) = email_queue(
            to="sam@example.org",
            subject="Confirm your address",
            body="https://example.org/accounts/confirm/abc/def/",
            topic="Sign-up",
            sensitive=True,
        )
    assert "/accounts/confirm/abc/def/" in mail.outbox[0].body
    email.refresh_from_db()
    assert (email.state, email.body) == (State.SENT, "")


def test_trying_a_failed_email_again_is_audited_and_sends_it(
    troubled, django_capture_on_commit_callbacks
):
    (email,) = queue(1)
    troubled(on={1}, error=refuse(550, b"5.1.1 No such user"))
    outbox_deliver()
    officer = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        outgoing_email_retry(email_id=email.pk, actor=officer)
    email.refresh_from_db()
    assert (email.state, email.attempts) == (State.SENT, 1)
    assert sent_to() == ["person0@example.org"]
    entry = StateLog.objects.get(transition="email_retry")
    assert (entry.by, entry.source_state, entry.state) == (officer, "failed", "queued")
    assert "550 5.1.1 No such user" in entry.description
