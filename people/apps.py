from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PeopleConfig(AppConfig):
    """People and signing in: one account per person, and the five roles."""

    name = "people"
    verbose_name = "People"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from people import permission_cache, personal_data, roles

        # The records naming a person, for subject access, erasure and retention.
        personal_data.register()

        # Roles are declared in code and brought up to date after every migrate.
        post_migrate.connect(roles.roles_sync_after_migrate, sender=self)
        # Each person's permissions are kept in the cache until they change.
        permission_cache.connect()
