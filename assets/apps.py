from django.apps import AppConfig


class AssetsConfig(AppConfig):
    """The living asset map: community assets, Assets of Community Value, claims,
    updates, suggestions, the CSV import and the public directory."""

    name = "assets"
    verbose_name = "Assets"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assets import personal_data

        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
