from django.apps import AppConfig


class SupportListsConfig(AppConfig):
    """Lists of support a person saves and shares by a private link, and the
    recommended lists link workers build for the people they support."""

    name = "support_lists"
    verbose_name = "Lists of support"
    default_auto_field = "django.db.models.BigAutoField"
