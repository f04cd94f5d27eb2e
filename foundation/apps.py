from django.apps import AppConfig


class FoundationConfig(AppConfig):
    """What every app stands on: the audit trail, the transition helper, the UK
    calendar, field validators and the GOV.UK form rendering."""

    name = "foundation"
    verbose_name = "Foundation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created

        from foundation import personal_data, work_cache

        # The audit trail and moved deadlines name the people who acted.
        personal_data.foundation_records_register()
        # Any write sets the cached work pages aside (foundation.work_cache).
        connection_created.connect(work_cache.watch_writes, dispatch_uid="work-pages-writes")
