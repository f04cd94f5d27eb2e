"""Django admin: people and groups, for superusers alone.

Roles are given in the Wagtail admin, within each officer's own lane
(`people.services.roles`); here a superuser may do anything, and every
change of roles is still saved through `person_save` and audited. Anyone
else who reaches /django-admin/ with staff status finds neither screen.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django_otp.plugins.otp_static import admin as otp_static_admin  # noqa: F401
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp import admin as otp_totp_admin  # noqa: F401
from django_otp.plugins.otp_totp.models import TOTPDevice

from people.models import User
from people.services.roles import person_roles, person_save


class SuperusersOnlyMixin:
    """Every permission of the screen is a superuser's alone."""

    def _superuser(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return self._superuser(request)

    def has_view_permission(self, request, obj=None):
        return self._superuser(request)

    def has_add_permission(self, request):
        return self._superuser(request)

    def has_change_permission(self, request, obj=None):
        return self._superuser(request)

    def has_delete_permission(self, request, obj=None):
        return self._superuser(request)


@admin.register(User)
class PersonAdmin(SuperusersOnlyMixin, UserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Name", {"fields": ("first_name", "last_name")}),
        (
            "Roles",
            {
                "fields": (
                    "is_active",
                    "awaiting_confirmation",
                    "is_staff",
                    "is_superuser",
                    "groups",
                )
            },
        ),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"fields": ("email", "first_name", "last_name", "password1", "password2")}),
    )

    def has_delete_permission(self, request, obj=None):
        # People are deactivated, never deleted: the audit trail names them.
        return False

    def save_model(self, request, obj, form, change):
        groups = form.cleaned_data.get("groups", person_roles(obj).groups)
        person_save(
            actor=request.user,
            person=obj,
            groups=groups,
            is_superuser=obj.is_superuser,
            is_staff=obj.is_staff,
        )


admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(SuperusersOnlyMixin, GroupAdmin):
    """The roles are declared in `people.roles`; a superuser may still look
    at or mend a group here, and the next migrate restores the declared
    permissions of the five roles."""


# django-otp's own screens would add, change and delete people's
# authenticator apps and recovery codes with no audit row. Its admin modules
# are imported above, before the admin reaches them, so they can be taken
# out again; administrators remove a lost app in the Wagtail admin instead,
# audited (people.two_factor_admin).
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)
