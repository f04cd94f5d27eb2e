from django.apps import AppConfig


class SocialValueConfig(AppConfig):
    """The social value framework and the panel scoring engine that grant
    rounds and tenders share."""

    name = "social_value"
    verbose_name = "Social value and scoring"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from social_value import personal_data

        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()
