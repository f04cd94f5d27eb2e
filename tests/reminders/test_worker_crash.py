"""Every due reminder e-mailed exactly once, on real Celery workers through
real Redis and PostgreSQL, when the worker is killed mid-sweep (SIGKILL, as
the out-of-memory killer does) and when the soft time limit cuts a sweep
short. The messages are counted in the file mail backend's output."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from foundation.models import OutgoingEmail, OutgoingEmailState
from reminders.models import Reminder, ReminderState
from reminders.tasks import reminders_sweep
from social_value.bulk import bulk_call
from social_value.models import Assignment, AssignmentState, Call, CallState
from tests.reminders.workers import Worker, broker_emptied, messages_in, wait_until

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


def due_reminders(submissions: int, members: int) -> int:
    """Panel scores overdue: one reminder per member and submission."""
    call = bulk_call(submissions=submissions, members=members, criteria=2, state=CallState.SCORING)
    Call.objects.filter(pk=call.pk).update(scoring_deadline=timezone.now() - timedelta(hours=1))
    Assignment.objects.filter(submission__call=call).update(state=AssignmentState.SCORING)
    return submissions * members


@pytest.fixture
def mail_env(tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    broker_emptied()
    return folder, {
        "EMAIL_BACKEND": "tests.reminders.slow_backend.SlowFileBackend",
        "EMAIL_FILE_PATH": str(folder),
        "HOLD_MAIL_MARKER": str(tmp_path / "held"),
        "OUTBOX_BATCH": "20",
        "OUTBOX_LEASE_SECONDS": "5",
    }


@pytest.fixture
def workers():
    started = []
    yield started
    for worker in started:
        worker.stop()


def all_sent(folder, count):
    def check():
        return (
            Reminder.objects.filter(state=ReminderState.SENT).count() == count
            and len(messages_in(folder)) >= count
        )

    return check


def test_a_worker_killed_mid_sweep_and_restarted_sends_each_reminder_once(
    mail_env, workers, sent_for_real, tmp_path
):
    folder, env = mail_env
    count = due_reminders(submissions=30, members=10)
    env |= {
        # The sender is stuck on the mail server after 100 messages when
        # the worker is killed.
        "HOLD_MAIL_AFTER": "100",
        "HOLD_MAIL_SECONDS": "120",
        # A killed worker's unacknowledged task comes back after this.
        "CELERY_TASK_SOFT_TIME_LIMIT": "20",
        "CELERY_TASK_TIME_LIMIT": "25",
        "CELERY_VISIBILITY_TIMEOUT": "30",
    }
    first = Worker(tmp_path / "first.log", env)
    workers.append(first)

    reminders_sweep.delay()
    wait_until(
        lambda: (tmp_path / "held").exists(), seconds=90, workers=[first], what="100 e-mails"
    )
    first.kill()

    # Killed mid-batch: what the server took is marked sent, one by one;
    # the rest of its claim is held, then comes back.
    assert len(messages_in(folder)) == 100
    assert Reminder.objects.filter(state=ReminderState.SENT).count() == 100
    assert OutgoingEmail.objects.filter(state=OutgoingEmailState.SENDING).count() == 20

    # Restarted, with no new task sent: the killed worker's task is handed
    # out again once the visibility timeout has passed, and finishes.
    second = Worker(tmp_path / "second.log", env)
    workers.append(second)
    wait_until(all_sent(folder, count), seconds=120, workers=[second], what="every reminder")

    sent = messages_in(folder)
    assert len(sent) == count == 300
    assert [line for line, times in Counter(sent).items() if times > 1] == []
    assert "reminders.tasks.reminders_sweep" in second.output()


def test_a_sweep_cut_by_its_soft_time_limit_sends_nothing_twice(
    mail_env, workers, sent_for_real, tmp_path
):
    folder, env = mail_env
    count = due_reminders(submissions=20, members=10)
    env |= {
        # 200 messages at 0.02 s, and one 6-second stall: far more than a
        # 4-second soft limit allows one sweep.
        "SLOW_MAIL_SECONDS": "0.02",
        "HOLD_MAIL_AFTER": "30",
        "HOLD_MAIL_SECONDS": "6",
        "CELERY_TASK_SOFT_TIME_LIMIT": "4",
        "CELERY_TASK_TIME_LIMIT": "8",
        "CELERY_VISIBILITY_TIMEOUT": "10",
    }
    # Time limits are enforced by the prefork pool.
    worker = Worker(tmp_path / "worker.log", env, concurrency=1)
    workers.append(worker)

    reminders_sweep.delay()
    wait_until(all_sent(folder, count), seconds=120, workers=[worker], what="every reminder")

    sent = messages_in(folder)
    assert len(sent) == count == 200
    assert [line for line, times in Counter(sent).items() if times > 1] == []
    log = worker.output()
    assert "The soft time limit stopped a sender" in log  # the stall was cut
    assert "foundation.tasks.outbox_sweep" in log  # and a fresh task carried on
    assert "TimeLimitExceeded" not in log.replace("SoftTimeLimitExceeded", "")
