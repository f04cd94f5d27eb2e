from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The portal's home: dashboards and what to do next, read from every app."""

    name = "portal"
    verbose_name = "Portal"
    default_auto_field = "django.db.models.BigAutoField"
