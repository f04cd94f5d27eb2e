from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The public site: Wagtail page types and their blocks."""

    name = "cms"
    verbose_name = "Public site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # What takes the public pages out of the shared cache.
        from cms import public_pages

        public_pages.connect()
