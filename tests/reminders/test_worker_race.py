"""Two sweeps racing on real Celery workers through real Redis over the
same 1,000 due reminders send exactly 1,000 e-mails."""

import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from reminders.models import Reminder, ReminderState
from reminders.tasks import reminders_sweep
from social_value.bulk import bulk_call
from social_value.models import Assignment, AssignmentState, Call, CallState


@pytest.fixture
def mail_dir(tmp_path, monkeypatch):
    folder = tmp_path / "mail"
    folder.mkdir()
    monkeypatch.setenv("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
    monkeypatch.setenv("EMAIL_FILE_PATH", str(folder))
    monkeypatch.setenv("CELERY_WORKER_CONCURRENCY", "2")
    return folder


def messages_in(folder: Path) -> int:
    return sum(path.read_text().count("\nSubject: ") for path in folder.glob("*.log"))


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_two_racing_sweeps_send_each_of_1000_reminders_once(
    mail_dir,
    worker,
    sent_for_real,
):
    call = bulk_call(submissions=100, members=10, criteria=2, state=CallState.SCORING)
    Call.objects.filter(pk=call.pk).update(scoring_deadline=timezone.now() - timedelta(hours=1))
    Assignment.objects.filter(submission__call=call).update(state=AssignmentState.SCORING)

    first, second = reminders_sweep.delay(), reminders_sweep.delay()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert worker.poll() is None, worker.stdout.read()
        done = Reminder.objects.filter(state=ReminderState.SENT).count()
        if done == 1000 and messages_in(mail_dir) == 1000:
            break
        time.sleep(1)
    time.sleep(2)  # let a slower racer finish: it must find nothing left to send
    assert Reminder.objects.count() == 1000
    assert Reminder.objects.filter(state=ReminderState.SENT).count() == 1000
    assert messages_in(mail_dir) == 1000
    assert first.id != second.id
