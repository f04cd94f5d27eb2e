"""Personal data in the Wagtail admin: the retention periods, a way from
each person to their subject access page, and a delete that never fails.

People named in the audit trail or in any record cannot be deleted (the
trail is append-only and the records protect their people), so "Delete"
on a person tries the deletion and, when anything stands on the account,
says so and sends the administrator to erasure instead.
"""

from django.contrib import messages
from django.db import DatabaseError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponseRedirect
from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.users.views import users

from people.models import RetentionRule
from people.services.erasure import personal_data_manager

NOT_DELETED = (
    "{person} cannot be deleted: the audit trail and other records name them. "
    "Erase their personal data instead: the account stays under a pseudonym, so the "
    "records stay whole."
)


class PersonDeleteView(users.DeleteView):
    def form_valid(self, form):
        if self.usage and self.usage.is_protected:
            return self.refused()
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (ProtectedError, RestrictedError, DatabaseError):
            return self.refused()

    def refused(self):
        person = self.object
        messages.error(self.request, NOT_DELETED.format(person=person))
        if personal_data_manager(self.request.user):
            return HttpResponseRedirect(reverse("person-erase", args=[person.pk]))
        return HttpResponseRedirect(reverse("wagtailusers_users:index"))


def personal_data_button(user, request_user):
    if not personal_data_manager(request_user):
        return []
    return [
        ListingButton(
            "Personal data",
            url=reverse("personal-data", args=[user.pk]),
            icon_name="doc-full",
            priority=50,
        )
    ]


class RetentionPermissionPolicy(ModelPermissionPolicy):
    """The kinds are declared in code: periods are changed, never added or
    deleted."""

    def user_has_permission(self, user, action):
        return action in {"view", "change"} and super().user_has_permission(user, action)


register_permission_policy(RetentionRule, RetentionPermissionPolicy(RetentionRule))


class RetentionRuleViewSet(ModelViewSet):
    """How long each kind of record naming a person is kept; the privacy
    page and the monthly sweep read these periods."""

    model = RetentionRule
    icon = "time"
    menu_label = "Retention periods"
    add_to_settings_menu = True
    form_fields = ["months", "reason"]
    list_display = ["__str__", "months", "updated_at"]
    copy_view_enabled = False
    inspect_view_enabled = False


class PersonalDataMenuItem(MenuItem):
    """ "Personal data" in the settings menu, for administrators only."""

    def is_shown(self, request):
        return personal_data_manager(request.user)
