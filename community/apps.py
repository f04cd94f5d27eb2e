from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CommunityConfig(AppConfig):
    """People, partner organisations and neighbourhoods: the ground every
    other part stands on. Also home to the audit trail's guards."""

    name = "community"
    verbose_name = "Community"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import roles

        post_migrate.connect(roles.roles_sync_after_migrate, sender=self)
