"""The production settings, with the bare view of benchmarks/urls.py beside
the site, for benchmarks/web.py."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"

# The release's collectstatic writes the manifest the production storage
# reads; the benchmark serves pages, not static files, so it needs none.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
