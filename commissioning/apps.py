from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    """Options appraisal, tenders, lots, bids, award, standstill, contracts."""

    name = "commissioning"
    verbose_name = "Commissioning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from commissioning import personal_data

        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
