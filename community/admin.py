"""Django admin: people for superusers, and the audit trail read-only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django_fsm_log.models import StateLog

from community.audit import AUDIT_COLUMNS
from community.models import User


@admin.register(User)
class PersonAdmin(UserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Name", {"fields": ("first_name", "last_name")}),
        ("Roles", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"fields": ("email", "first_name", "last_name", "password1", "password2")}),
    )

    def has_delete_permission(self, request, obj=None):
        # People are deactivated, never deleted: the audit trail names them.
        return False


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
