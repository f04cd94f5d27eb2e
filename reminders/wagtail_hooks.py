"""Officers see in the Wagtail admin what was sent, and what could not be."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from foundation.audit import AuditTrailPermissionPolicy
from foundation.viewsets import ReadOnlyViewSet
from reminders.models import Reminder


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
