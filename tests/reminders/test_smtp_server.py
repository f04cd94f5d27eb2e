"""A real SMTP server (aiosmtpd) answering as real ones do, and a real
worker through Redis and PostgreSQL sending reminders to it: greylisting
(451, then 250) delivers once; a refusal (550) is recorded as failed with
the server's words and shown to officers on the staff home."""

from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from foundation.models import OutgoingEmail, OutgoingEmailState
from foundation.tasks import outbox_sweep
from people import roles
from reminders.models import Reminder, ReminderState
from reminders.tasks import reminders_sweep
from social_value.bulk import bulk_call
from social_value.models import Assignment, AssignmentState, Call, CallState
from tests.people.factories import UserFactory
from tests.reminders.workers import Worker, broker_emptied, wait_until

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]
SMTP_PORT = 8112


class MailServer:
    """Answers each recipient's first RCPT with `first`, later ones with 250."""

    def __init__(self, first: str, always: bool = False):
        self.first, self.always = first, always
        self.seen: set[str] = set()
        self.delivered: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.always or address not in self.seen:
            self.seen.add(address)
            return self.first
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.delivered.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    controllers = []

    def start(handler):
        controller = Controller(handler, hostname="127.0.0.1", port=SMTP_PORT)
        controller.start()
        controllers.append(controller)
        return handler

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def smtp_worker(tmp_path, sent_for_real):
    broker_emptied()
    worker = Worker(
        tmp_path / "worker.log",
        {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(SMTP_PORT),
            "OUTBOX_RETRY_SECONDS": "1",
        },
    )
    yield worker
    worker.stop()


@pytest.fixture
def one_due():
    call = bulk_call(submissions=1, members=1, criteria=2, state=CallState.SCORING)
    Call.objects.filter(pk=call.pk).update(scoring_deadline=timezone.now() - timedelta(hours=1))
    Assignment.objects.filter(submission__call=call).update(state=AssignmentState.SCORING)
    return Assignment.objects.get(submission__call=call).member.user


def test_greylisting_451_then_250_delivers_once(smtp_server, smtp_worker, one_due):
    server = smtp_server(MailServer("451 4.7.1 Greylisted, please try again later"))

    reminders_sweep.delay()
    wait_until(
        lambda: OutgoingEmail.objects.filter(attempts=1).exists(),
        seconds=60,
        workers=[smtp_worker],
        what="the first attempt",
    )
    email = OutgoingEmail.objects.get()
    assert email.state == OutgoingEmailState.QUEUED  # not failed: tried again later
    assert email.error == "451 4.7.1 Greylisted, please try again later"
    assert server.delivered == []

    # Beat's outbox sweep, after the back-off (1 second here).
    outbox_sweep.apply_async(countdown=2)
    wait_until(
        lambda: Reminder.objects.filter(state=ReminderState.SENT).exists(),
        seconds=60,
        workers=[smtp_worker],
        what="the retry",
    )
    assert server.delivered == [one_due.email]
    outbox_sweep.delay()  # and once more: nothing is left to send
    wait_until(
        lambda: smtp_worker.output().count("outbox_sweep") >= 4,
        seconds=30,
        workers=[smtp_worker],
        what="the second sweep",
    )
    assert server.delivered == [one_due.email]


def test_a_550_refusal_is_recorded_failed_and_shown_to_staff(
    smtp_server, smtp_worker, one_due, client
):
    server = smtp_server(MailServer("550 5.1.1 Mailbox unavailable", always=True))

    reminders_sweep.delay()
    wait_until(
        lambda: Reminder.objects.filter(state=ReminderState.FAILED).exists(),
        seconds=60,
        workers=[smtp_worker],
        what="the refusal",
    )
    assert server.delivered == []
    assert OutgoingEmail.objects.get().error == "550 5.1.1 Mailbox unavailable"

    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))
    home = client.get("/admin/").content.decode()
    assert "<strong>1</strong> e-mail could not be sent" in home
    listing = client.get("/admin/failed-emails/").content.decode()
    assert one_due.email in listing
    assert "550 5.1.1 Mailbox unavailable" in listing
