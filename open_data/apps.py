from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """Open data, public and read-only: GeoJSON, Open Referral UK, 360Giving
    grants and OCDS tenders."""

    name = "open_data"
    verbose_name = "Open data"
    default_auto_field = "django.db.models.BigAutoField"
