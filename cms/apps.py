from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The public site: Wagtail page types and their blocks."""

    name = "cms"
    verbose_name = "Public site"
    default_auto_field = "django.db.models.BigAutoField"
