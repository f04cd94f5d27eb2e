from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Reports across programmes, their charts, the public "What we fund" page
    and the exports, all read-only."""

    name = "reports"
    verbose_name = "Reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from reports import personal_data

        # Who made each export, for subject access and erasure.
        personal_data.register()
