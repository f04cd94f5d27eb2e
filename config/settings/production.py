"""Production settings: nothing secret has a default.

The process refuses to start without SECRET_KEY and ALLOWED_HOSTS, and
`manage.py check --deploy` is clean with these settings.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY: production settings have no default key.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS: production settings serve no host by default.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
# Wagtail's page preview shows the page in an iframe on the same origin;
# DENY would break it, so frames are allowed from this origin only.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")

# --- More than one machine ------------------------------------------------------
# Web processes keep nothing of their own: with CACHE_URL=redis://... the
# cache (public pages, foundation.public_cache) and the sessions live in
# Redis, so any replica answers any request. Sessions may have a Redis of
# their own (SESSION_CACHE_URL), one that never evicts keys (maxmemory-policy
# noeviction), so that nobody is signed out to make room for cached pages.
# Without CACHE_URL sessions stay in the database, as before.
if CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405
    sessions_url = env.str("SESSION_CACHE_URL", default=CACHES["default"]["LOCATION"])  # noqa: F405
    CACHES["sessions"] = env.cache_url_config(sessions_url)  # noqa: F405
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    SESSION_CACHE_ALIAS = "sessions"
# The load balancer's probe asks for /health/ over plain HTTP inside the
# cluster: answered there rather than redirected to https.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
