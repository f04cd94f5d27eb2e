"""Settings for the test suite.

SQLite by default; set DATABASE_URL and CELERY_BROKER_URL to run against the
real PostgreSQL and Redis (as .ci/run does).
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "foundation.files.PrivateInMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Each test run its own cache, in memory (the file cache under var/ is shared).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Pages are drawn afresh for each request unless a test turns the public
# cache on (tests/foundation/test_public_cache.py): many tests change rows
# in bulk, which no signal reports, between two visits to a page.
PUBLIC_PAGE_CACHE = {**PUBLIC_PAGE_CACHE, "ENABLED": env.bool("PUBLIC_PAGE_CACHE", default=False)}  # noqa: F405

# Tasks run in-process unless a test talks to a real worker on purpose.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
# Tests send to a queue of their own, so a developer's running worker on the
# same Redis never takes their messages.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="common-ground-tests")

# Wrong passwords are throttled in the tests as in production; only the test
# client's `login()`, which has no request to count, skips the throttle.
AUTHENTICATION_BACKENDS = [
    "tests.people.backends.TestClientThrottleBackend",
    "people.permission_cache.CachedPermissionsBackend",
    "django.contrib.auth.backends.ModelBackend",
    "people.oidc.PeopleOIDCBackend",
]

# The audit trail refuses TRUNCATE (foundation migration 0005) except in a
# session that allows it; only the suite does, to empty the database between
# transactional tests.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (  # noqa: F405
        "-c commonground.audit_trail_truncate=allowed"
    )
