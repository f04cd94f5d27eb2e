"""Shared fixtures, and the rule that under CI nothing needing PostgreSQL
or Redis may be skipped: a skip there means the real service was not used."""

import os

import pytest
import redis
from django.conf import settings

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


SERVICES = {
    "postgres": (postgres_available, "needs DATABASE_URL=postgres://... (a real PostgreSQL)"),
    "redis": (redis_available, "needs CELERY_BROKER_URL=redis://... (a real, running Redis)"),
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
