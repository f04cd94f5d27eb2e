from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    """What changed for people: monitoring return forms built per programme and
    per contract, and Key Human Indicators as instruments a council loads."""

    name = "outcomes"
    verbose_name = "Outcomes"
    default_auto_field = "django.db.models.BigAutoField"
