from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Partner organisations: the charities, groups and enterprises that apply,
    bid and deliver; their members and invitations."""

    name = "organisations"
    verbose_name = "Organisations"
    default_auto_field = "django.db.models.BigAutoField"
