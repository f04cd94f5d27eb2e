"""/health/: whether this web process can reach what it needs.

For a load balancer or a container platform's readiness probe: 200 when the
database, the cache (Redis in production) and the task broker all answer,
503 naming the ones that do not. It says "ok" or "unavailable" and nothing
more: no address, no error text, nothing a passer-by could use.
"""

import logging
import os
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection

logger = logging.getLogger(__name__)

# Seconds each dependency has to answer: a probe must not hang on one.
TIMEOUT = 3


def database_ok() -> bool:
    """A connection of its own, so a broken one is never mistaken for a
    working one kept open by this process."""
    connection = connections.create_connection("default")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    finally:
        connection.close()


def cache_ok() -> bool:
    cache = caches["default"]
    key, value = "health:probe", uuid.uuid4().hex
    cache.set(key, value, timeout=TIMEOUT * 10)
    return cache.get(key) == value


def broker_ok() -> bool:
    url = settings.CELERY_BROKER_URL
    if url.startswith("filesystem://"):
        folder = settings.CELERY_BROKER_FOLDER / "out"
        return folder.is_dir() and os.access(folder, os.W_OK)
    options = {
        "socket_connect_timeout": TIMEOUT,
        "socket_timeout": TIMEOUT,
        **getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}),
    }
    with Connection(url, connect_timeout=TIMEOUT, transport_options=options) as connection:
        connection.ensure_connection(max_retries=1, timeout=TIMEOUT)
        return True


CHECKS = {"database": database_ok, "cache": cache_ok, "broker": broker_ok}


def _check(name, check) -> bool:
    try:
        return bool(check())
    except Exception:
        # The detail goes to the log, never into the answer.
        logger.warning("Health check: the %s is unavailable", name, exc_info=True)
        return False


@never_cache
@require_GET
def health(request):
    results = {
        name: "ok" if _check(name, check) else "unavailable" for name, check in CHECKS.items()
    }
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **results},
        status=200 if healthy else 503,
    )
