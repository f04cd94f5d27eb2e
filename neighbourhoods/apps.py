from django.apps import AppConfig


class NeighbourhoodsConfig(AppConfig):
    """Neighbourhoods as the people who live there name them."""

    name = "neighbourhoods"
    verbose_name = "Neighbourhoods"
    default_auto_field = "django.db.models.BigAutoField"
