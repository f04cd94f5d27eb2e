"""Django admin: the audit trail, read-only, only for staff who hold its
view permission (superusers do); nobody adds, changes or deletes a row."""

from django.contrib import admin
from django_fsm_log.models import StateLog

from foundation.audit import AUDIT_COLUMNS, SYSTEM_NAME, audit_actor_name


@admin.register(StateLog)
class AuditTrailAdmin(admin.ModelAdmin):
    # "by" is shown through actor(), which names the system's own entries.
    list_display = [column if column != "by" else "actor" for column in AUDIT_COLUMNS]
    list_filter = ["content_type", "transition"]
    search_fields = ["transition", "description", "by__email"]
    date_hierarchy = "timestamp"
    list_select_related = ["content_type", "by"]
    fields = [
        "timestamp",
        "content_type",
        "object_id",
        "transition",
        "source_state",
        "state",
        "actor",
        "description",
    ]
    readonly_fields = ["actor"]

    @admin.display(description="by", ordering="by", empty_value=SYSTEM_NAME)
    def actor(self, entry):
        return audit_actor_name(entry.by)

    def _viewer(self, request) -> bool:
        return request.user.is_active and request.user.has_perm("django_fsm_log.view_statelog")

    def has_module_permission(self, request):
        return self._viewer(request)

    def has_view_permission(self, request, obj=None):
        return self._viewer(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
