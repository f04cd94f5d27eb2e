from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    """Options appraisal, tenders, lots, bids, award, standstill, contracts."""

    name = "commissioning"
    verbose_name = "Commissioning"
    default_auto_field = "django.db.models.BigAutoField"
