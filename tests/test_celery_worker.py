"""A real Celery worker, through a real Redis, changes the real database;
and the broker's settings match the tasks' time limits."""

import runpy
import time
from pathlib import Path

import pytest
from django.core import mail

from foundation.models import OutgoingEmail, OutgoingEmailState
from organisations.models import MembershipRole
from organisations.tasks import organisation_invitation_send
from tests.organisations.factories import InvitationFactory, MembershipFactory

BASE_SETTINGS = Path(__file__).resolve().parent.parent / "config" / "settings" / "base.py"


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_task_sent_through_redis_is_run_by_a_worker(worker, sent_for_real):
    admin = MembershipFactory(role=MembershipRole.ADMIN)
    invitation = InvitationFactory(organisation=admin.organisation, invited_by=admin.user)
    assert invitation.sent_at is None

    organisation_invitation_send.delay(invitation.pk)

    deadline = time.monotonic() + 60
    sent = OutgoingEmail.objects.filter(to=invitation.email, state=OutgoingEmailState.SENT)
    while time.monotonic() < deadline and not sent.exists():
        assert worker.poll() is None, worker.stdout.read()
        time.sleep(0.5)
    assert sent.exists(), "the worker did not queue and send the invitation in 60 s"
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    # It ran in the worker's process, not here.
    assert mail.outbox == []


def test_a_killed_worker_s_task_comes_back_just_after_the_longest_a_task_may_run(monkeypatch):
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("CELERY_TASK_TIME_LIMIT", "300")
    monkeypatch.setenv("CELERY_TASK_SOFT_TIME_LIMIT", "240")
    monkeypatch.delenv("CELERY_VISIBILITY_TIMEOUT", raising=False)
    base = runpy.run_path(str(BASE_SETTINGS))
    # Six minutes, not an hour: a running task is never handed out twice,
    # a dead worker's is handed out again within minutes.
    assert base["CELERY_BROKER_TRANSPORT_OPTIONS"]["visibility_timeout"] == 360
    assert base["CELERY_TASK_SOFT_TIME_LIMIT"] < base["CELERY_TASK_TIME_LIMIT"]
    # A sender takes no new e-mail after two minutes of its four.
    assert base["CELERY_TASK_SOFT_TIME_LIMIT"] * base["OUTBOX"]["time_share"] == 120
