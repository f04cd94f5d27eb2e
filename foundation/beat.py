"""Beat's schedule lives in the database; settings only seed it.

django-celery-beat's own DatabaseScheduler writes every CELERY_BEAT_SCHEDULE
entry over its database row each time beat starts, so an interval an
administrator changed in /django-admin/ went back to the settings' value at
the next restart. Here a settings entry creates its row only when no row of
that name exists: from then on the row is the administrator's. Disabling a
row stops it for good; deleting it brings the settings' timing back at the
next start.
"""

from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler, ModelEntry


class SeededEntry(ModelEntry):
    @classmethod
    def from_entry(cls, name, app=None, **entry):
        task = PeriodicTask._default_manager.filter(name=name).first()
        if task is None:
            task, _ = PeriodicTask._default_manager.get_or_create(
                name=name, defaults=cls._unpack_fields(**entry)
            )
        return cls(task, app=app)


class SeedingDatabaseScheduler(DatabaseScheduler):
    """The database scheduler, with settings as seeds, never as overrides."""

    Entry = SeededEntry
