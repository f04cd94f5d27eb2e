"""API tokens in the Django admin: an administrator makes one for a person
(the token is shown once, then only its first characters) and revokes it.
Tokens are never edited or deleted here, so the audit trail stays whole."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError

from api.models import ApiToken
from api.services.tokens import token_create, token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "user__email"]
    fields = ["user", "name", "prefix", "created_at", "created_by", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "created_at", "created_by", "last_used_at", "revoked_at"]
    autocomplete_fields = ["user"]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return ["user", "name", *self.readonly_fields]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            return
        try:
            token, raw = token_create(user=obj.user, name=obj.name, actor=request.user)
        except (PermissionDenied, ValidationError) as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        obj.pk = token.pk
        self.message_user(
            request,
            f"Copy this token now; it will not be shown again: {raw}",
            messages.WARNING,
        )

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        for token in queryset:
            token_revoke(token=token, actor=request.user)
        self.message_user(request, f"{queryset.count()} token(s) revoked.")
