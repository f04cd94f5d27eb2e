"""Officers see in the Wagtail admin what was sent, and what could not be:
the reminders' list, and on the staff home a count of e-mails that could
not be sent, linked to their list with a "Try again" button each."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy

from foundation.audit import AuditTrailPermissionPolicy
from foundation.viewsets import ReadOnlyViewSet
from reminders.models import Reminder
from reminders.selectors import MAIL_WATCH_PERMISSION, mail_trouble_counts
from reminders.views.failed_emails import FailedEmailsView, failed_email_try_again


class ReminderViewSet(ReadOnlyViewSet):
    """Officers see what was sent, and what could not be (read only)."""

    model = Reminder
    icon = "mail"
    menu_label = "Reminders"
    list_display = ["created_at", "kind", "recipient", "due_on", "state", "error"]
    list_filter = ["state", "kind", "due_on"]
    search_fields = ["kind", "email_subject"]
    inspect_view_enabled = True
    copy_view_enabled = False


register_permission_policy(Reminder, AuditTrailPermissionPolicy(Reminder))


@hooks.register("register_admin_viewset")
def register_reminders_viewset():
    return ReminderViewSet()


class MailTroublePanel(Component):
    """E-mails that could not be sent, and those waiting for another try."""

    name = "mail_trouble"
    template_name = "reminders/admin/mail_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        return {"counts": mail_trouble_counts()}


@hooks.register("construct_homepage_panels")
def add_mail_trouble_panel(request, panels):
    if request.user.has_perm(MAIL_WATCH_PERMISSION):
        panels.append(MailTroublePanel())


@hooks.register("register_admin_urls")
def register_failed_email_urls():
    return [
        path("failed-emails/", FailedEmailsView.as_view(), name="reminders_failed_emails"),
        path(
            "failed-emails/<int:pk>/try-again/",
            failed_email_try_again,
            name="reminders_failed_email_try_again",
        ),
    ]
