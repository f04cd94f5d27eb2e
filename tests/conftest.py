"""Shared fixtures, and the rule that under CI nothing needing PostgreSQL
or Redis may be skipped: a skip there means the real service was not used."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.test import Client

from config.celery_app import app
from people.two_factor import two_factor_required
from tests.people.otp import client_verified

ROOT = Path(__file__).resolve().parent.parent

UNDER_CI = os.environ.get("CI", "").lower() == "true"


def postgres_available() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def redis_available() -> bool:
    url = settings.CELERY_BROKER_URL
    if not url.startswith("redis://"):
        return False
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def chromium_available() -> bool:
    return os.access(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), os.X_OK)


SERVICES = {
    "postgres": (postgres_available, "needs DATABASE_URL=postgres://... (a real PostgreSQL)"),
    "redis": (redis_available, "needs CELERY_BROKER_URL=redis://... (a real, running Redis)"),
    "browser": (chromium_available, "needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH)"),
}


def pytest_runtest_setup(item):
    for marker, (available, why) in SERVICES.items():
        if item.get_closest_marker(marker) and not available():
            if UNDER_CI:
                pytest.fail(f"{item.nodeid} {why}, and under CI it may not be skipped.")
            pytest.skip(why)


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if UNDER_CI and skipped:
        reporter.write_line(f"CI: {len(skipped)} test(s) were skipped; none may be.", red=True)
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _media_and_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _staff_sign_in_with_code(monkeypatch):
    """`client.force_login()` and `client.login()` sign staff in with their
    code given too (an app is set up for them if they have none), so a test
    of a staff page reaches it as staff do after both steps. The tests of
    two-step sign-in itself go through the real sign-in pages."""
    signed_in = Client._login

    def login_with_code(client, user, backend=None):
        signed_in(client, user, backend)
        if two_factor_required(user):
            client_verified(client, user)

    monkeypatch.setattr(Client, "_login", login_with_code)


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
    # Both spellings: the settings' CELERY_ name would otherwise win.
    app.conf.task_always_eager = app.conf.CELERY_TASK_ALWAYS_EAGER = False
    yield
    app.conf.task_always_eager = app.conf.CELERY_TASK_ALWAYS_EAGER = eager
