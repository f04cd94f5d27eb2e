from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Partner organisations: the charities, groups and enterprises that apply,
    bid and deliver; their members and invitations."""

    name = "organisations"
    verbose_name = "Organisations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from organisations import personal_data

        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
