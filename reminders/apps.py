from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """Reminders and notifications: the engine and the sweep. Each app declares
    its own kinds in its `reminders.py`."""

    name = "reminders"
    verbose_name = "Reminders"
    default_auto_field = "django.db.models.BigAutoField"
