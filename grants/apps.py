from django.apps import AppConfig


class GrantsConfig(AppConfig):
    """Programmes, rounds, applications, awards, payments and monitoring."""

    name = "grants"
    verbose_name = "Grants"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from grants import personal_data

        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
