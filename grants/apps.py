from django.apps import AppConfig


class GrantsConfig(AppConfig):
    """Programmes, rounds, applications, awards, payments and monitoring."""

    name = "grants"
    verbose_name = "Grants"
    default_auto_field = "django.db.models.BigAutoField"
