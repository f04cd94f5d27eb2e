from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """Reminders and notifications: the engine and the sweep. Each app declares
    its own kinds in its `reminders.py`."""

    name = "reminders"
    verbose_name = "Reminders"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from foundation.delivery import outcome_listener
        from reminders.services.outcome import reminder_email_outcome
        from reminders.services.sweep import SOURCE

        # The outbox lives in foundation, which may not import reminders.
        outcome_listener(SOURCE, reminder_email_outcome)

        from reminders import personal_data

        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
