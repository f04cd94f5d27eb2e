from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The REST API for partners' own tools, described by OpenAPI 3."""

    name = "api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from api import personal_data

        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
