"""The project's one Celery app.

Settings come from Django settings with the CELERY_ prefix (JSON only, time
limits, late acknowledgement); tasks are discovered in each app's tasks.py.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("common_ground")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
