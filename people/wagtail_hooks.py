"""People in the Wagtail admin: who may change whose roles.

The permission policies are registered here, after every app's `ready()`,
so they take the place of the plain model policies `wagtail.users`
registers for users and groups. The screens are in `people.viewsets`.
"""

from axes.models import AccessAttempt
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy
from wagtail.users.views.bulk_actions import AssignRoleBulkAction

from foundation.audit import AuditTrailPermissionPolicy
from foundation.viewsets import ReadOnlyViewSet
from people import personal_data_admin, two_factor_admin
from people.models import User
from people.services.lockouts import ACCOUNT, ADDRESS, SCOPES, lockout_clear
from people.services.roles import group_people_add
from people.viewsets import PersonPermissionPolicy, RoleGroupPermissionPolicy

register_permission_policy(Group, RoleGroupPermissionPolicy(Group))
register_permission_policy(User, PersonPermissionPolicy(User))


@hooks.register("before_bulk_action")
def assign_role_checked(request, action_type, objects, action_class_instance):
    """ "Assign role" on the people list gives the role through the service,
    which refuses a role the officer does not hold and audits the change."""
    if not isinstance(action_class_instance, AssignRoleBulkAction):
        return None
    role = action_class_instance.cleaned_form.cleaned_data["role"]
    try:
        count = group_people_add(actor=request.user, group=role, people=objects)
    except PermissionDenied as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{count} people given the role {role.name}.")
    return redirect(action_class_instance.next_url)


# --- Sign-in locks (issue #22): wrong passwords throttled -------------------
# django-axes pauses signing in after too many wrong passwords, per account
# and per address (the settings' "Signing in" block). Administrators see
# every counted attempt here, read-only, and can lift a lock early: the
# unlock goes through `people.services.lockouts.lockout_clear`, which
# clears the account's or the address's rows and audits it.

UNLOCK_LABELS = {ACCOUNT: "Unlock the account", ADDRESS: "Unlock the address"}


class LockoutPermissionPolicy(AuditTrailPermissionPolicy):
    """Seeing the attempts needs axes' view permission and lifting a lock its
    delete permission; nobody adds or changes an attempt by hand."""

    READ_ONLY_ACTIONS = {"view", "delete"}


register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


class UnlockLinksMixin:
    """The unlock pages an attempt offers: its account's and its address's,
    to a person who may lift a lock."""

    unlock_url_names: dict[str, str] | None = None

    def unlock_links(self, attempt):
        if not self.user_has_permission("delete"):
            return []
        return [
            (UNLOCK_LABELS[scope], reverse(url_name, args=(quote(attempt.pk),)))
            for scope, url_name in self.unlock_url_names.items()
            if getattr(attempt, SCOPES[scope])
        ]


class LockoutIndexView(UnlockLinksMixin, generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for label, url in self.unlock_links(instance):
            buttons.append(MenuItem(label, url=url, icon_name="lock-open", priority=40))
        return buttons


class LockoutInspectView(UnlockLinksMixin, generic.InspectView):
    @cached_property
    def header_more_buttons(self):
        return [
            Button(label, url=url, icon_name="lock-open", priority=40)
            for label, url in self.unlock_links(self.object)
        ]


class LockoutUnlockView(generic.DeleteView):
    """Asks, then lifts the lock on the attempt's account or address."""

    scope = None
    unlock_url_name = None
    page_title = "Unlock signing in"
    template_name = "people/admin/lockout_unlock.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.value = getattr(self.object, SCOPES[self.scope])
        if not self.value:
            raise Http404(f"This attempt names no {self.scope}.")

    def get_delete_url(self):
        return reverse(self.unlock_url_name, args=(quote(self.object.pk),))

    @property
    def confirmation_message(self):
        return (
            f"Let the {self.scope} {self.value} sign in again now? Every wrong password "
            f"counted against it is cleared, and the unlock is recorded in the audit trail."
        )

    def delete_action(self):
        lockout_clear(actor=self.request.user, attempt=self.object, scope=self.scope)

    def get_success_message(self):
        return f"Signing in unlocked for the {self.scope} {self.value}."


class LockoutViewSet(ReadOnlyViewSet):
    """The wrong passwords that count now, newest first: who was tried, from
    which address, when last and how often. Rows go away by themselves once
    the cool-off has passed, or when the right password is given."""

    model = AccessAttempt
    icon = "lock"
    menu_label = "Sign-in locks"
    add_to_settings_menu = True
    index_view_class = LockoutIndexView
    inspect_view_class = LockoutInspectView
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time", "path_info"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    inspect_view_fields = [
        "username",
        "ip_address",
        "failures_since_start",
        "attempt_time",
        "path_info",
        "user_agent",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit or delete URL exists; unlocking is its own page.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            unlock_url_names={scope: self.get_url_name(f"unlock_{scope}") for scope in SCOPES},
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *(
                path(
                    f"unlock/<int:pk>/{scope}/",
                    self.construct_view(
                        LockoutUnlockView,
                        scope=scope,
                        unlock_url_name=self.get_url_name(f"unlock_{scope}"),
                    ),
                    name=f"unlock_{scope}",
                )
                for scope in SCOPES
            ),
        ]


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet("sign-in-locks")


# --- Personal data (UK GDPR): people.personal_data_admin ---------------------


@hooks.register("register_user_listing_buttons")
def personal_data_buttons(user, request_user):
    return personal_data_admin.personal_data_button(user, request_user)


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return personal_data_admin.PersonalDataMenuItem(
        "Personal data", reverse("personal-data-find"), icon_name="doc-full", order=620
    )


@hooks.register("register_admin_viewset")
def register_retention_viewset():
    return personal_data_admin.RetentionRuleViewSet("retention-periods")


# --- Two-step verification: people.two_factor_admin ----------------------------


@hooks.register("register_user_listing_buttons")
def two_factor_buttons(user, request_user):
    return two_factor_admin.two_factor_reset_button(user, request_user)


@hooks.register("register_admin_urls")
def two_factor_admin_urls():
    return two_factor_admin.admin_urls
