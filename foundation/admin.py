"""Django admin: the audit trail, read-only, for superusers."""

from django.contrib import admin
from django_fsm_log.models import StateLog

from foundation.audit import AUDIT_COLUMNS


@admin.register(StateLog)
class AuditTrailAdmin(admin.ModelAdmin):
    list_display = AUDIT_COLUMNS
    list_filter = ["content_type", "transition"]
    search_fields = ["transition", "description", "by__email"]
    date_hierarchy = "timestamp"
    list_select_related = ["content_type", "by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
