"""Beat's timings belong to the administrator: settings seed the database
schedule once, and a restart of beat never puts their values back."""

import pytest
from django.conf import settings
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler

from config.celery_app import app
from foundation.beat import SeedingDatabaseScheduler

# Beat closes stale database connections as it runs, as a long-lived process
# must: the tests commit, so the connection can be reopened.
pytestmark = pytest.mark.django_db(transaction=True)


def beat_starts(scheduler=SeedingDatabaseScheduler):
    # What `celery beat` does on start: build the scheduler, which sets up
    # its schedule from settings and the database.
    return scheduler(app=app)


def test_beat_uses_the_seeding_scheduler_everywhere():
    assert settings.CELERY_BEAT_SCHEDULER == "foundation.beat:SeedingDatabaseScheduler"
    procfile = (settings.BASE_DIR / "Procfile.dev").read_text()
    compose = (settings.BASE_DIR / "docker-compose.yml").read_text()
    # No command line names another scheduler over the setting.
    assert "--scheduler" not in procfile
    assert "--scheduler" not in compose


def test_the_first_start_installs_the_settings_timings():
    beat = beat_starts()

    sweep = PeriodicTask.objects.get(name="reminders-sweep")
    assert sweep.task == "reminders.tasks.reminders_sweep"
    assert (sweep.interval.every, sweep.interval.period) == (300, "seconds")
    closing = PeriodicTask.objects.get(name="tenders-close-at-deadline")
    assert (closing.interval.every, closing.interval.period) == (60, "seconds")
    assert beat.schedule["reminders-sweep"].schedule.run_every.total_seconds() == 300


def test_an_interval_the_administrator_changed_survives_a_restart():
    beat_starts()
    # In /django-admin/ → Periodic tasks: sweep every 15 minutes instead.
    fifteen_minutes, _ = IntervalSchedule.objects.get_or_create(
        every=15, period=IntervalSchedule.MINUTES
    )
    PeriodicTask.objects.filter(name="reminders-sweep").update(interval=fifteen_minutes)

    beat = beat_starts()

    sweep = PeriodicTask.objects.get(name="reminders-sweep")
    assert (sweep.interval.every, sweep.interval.period) == (15, "minutes")
    assert beat.schedule["reminders-sweep"].schedule.run_every.total_seconds() == 900


def test_a_task_the_administrator_disabled_stays_off_after_a_restart():
    beat_starts()
    PeriodicTask.objects.filter(name="tenders-close-at-deadline").update(enabled=False)

    beat = beat_starts()

    assert PeriodicTask.objects.get(name="tenders-close-at-deadline").enabled is False
    assert "tenders-close-at-deadline" not in beat.schedule


def test_the_stock_scheduler_would_have_put_the_settings_value_back():
    # Why the seeding scheduler exists: django-celery-beat's own one writes
    # the settings over the administrator's change on every start.
    beat_starts()
    fifteen_minutes, _ = IntervalSchedule.objects.get_or_create(
        every=15, period=IntervalSchedule.MINUTES
    )
    PeriodicTask.objects.filter(name="reminders-sweep").update(interval=fifteen_minutes)

    beat_starts(DatabaseScheduler)

    sweep = PeriodicTask.objects.get(name="reminders-sweep")
    assert (sweep.interval.every, sweep.interval.period) == (300, "seconds")
