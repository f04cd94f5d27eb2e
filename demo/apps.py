from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo borough, Ashby Vale, loaded by `manage.py demo_load`."""

    name = "demo"
    verbose_name = "Demo"
    default_auto_field = "django.db.models.BigAutoField"
