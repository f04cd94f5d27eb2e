from django.apps import AppConfig


class AssetsConfig(AppConfig):
    """The living asset map: community assets, Assets of Community Value, claims,
    updates, suggestions, the CSV import and the public directory."""

    name = "assets"
    verbose_name = "Assets"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assets import freshness, personal_data

        # The map's cached GeoJSON follows changes to an asset's links too.
        freshness.connect()

        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
