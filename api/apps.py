from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The REST API for partners' own tools, described by OpenAPI 3."""

    name = "api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"
