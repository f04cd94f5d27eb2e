"""A real Celery worker, through a real Redis, changes the real database."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

from community.models import MembershipRole
from community.tasks import organisation_invitation_send
from config.celery_app import app
from tests.community.factories import InvitationFactory, MembershipFactory

ROOT = Path(__file__).resolve().parent.parent


def _database_url() -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"])
    host = db["HOST"] or "localhost"
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker():
    """Start `celery worker` as its own process, on the test database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
    }
    process = subprocess.Popen(  # noqa: S603 - our own worker
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config.celery_app",
            "worker",
            # Two processes when a test wants sweeps to race; one otherwise.
            *(
                ["--pool=prefork", f"--concurrency={os.environ['CELERY_WORKER_CONCURRENCY']}"]
                if os.environ.get("CELERY_WORKER_CONCURRENCY")
                else ["--pool=solo"]
            ),
            "--loglevel=INFO",
            "--without-mingle",
            "--without-gossip",
            "-Q",
            settings.CELERY_TASK_DEFAULT_QUEUE,
            "-n",
            f"test-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def sent_for_real():
    """Send tasks to the broker instead of running them in this process."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_task_sent_through_redis_is_run_by_a_worker(worker, sent_for_real):
    admin = MembershipFactory(role=MembershipRole.ADMIN)
    invitation = InvitationFactory(organisation=admin.organisation, invited_by=admin.user)
    assert invitation.sent_at is None

    organisation_invitation_send.delay(invitation.pk)

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and invitation.sent_at is None:
        assert worker.poll() is None, worker.stdout.read()
        time.sleep(0.5)
        invitation.refresh_from_db()
    assert invitation.sent_at is not None, "the worker did not run the task in 60 s"
    # It ran in the worker's process, not here.
    assert mail.outbox == []
