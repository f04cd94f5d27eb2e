"""Settings for a developer's machine: `make run`."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# A fixed key is acceptable only here: local data is demo data.
SECRET_KEY = env.str("SECRET_KEY", default="local-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# Templates and pages change under a developer's hands: drawn afresh each
# time unless PUBLIC_PAGE_CACHE=true or WORK_PAGE_CACHE=true (or
# DJANGO_DEBUG=false) asks otherwise.
PUBLIC_PAGE_CACHE = {
    **PUBLIC_PAGE_CACHE,  # noqa: F405
    "ENABLED": env.bool("PUBLIC_PAGE_CACHE", default=not DEBUG),
}
WORK_PAGE_CACHE = {
    **WORK_PAGE_CACHE,  # noqa: F405
    "ENABLED": env.bool("WORK_PAGE_CACHE", default=not DEBUG),
}
