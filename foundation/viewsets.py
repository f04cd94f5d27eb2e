"""Admin screens every app can build on, and the audit trail's own."""

from django.urls import path
from django_fsm_log.models import StateLog
from wagtail.admin.viewsets.model import ModelViewSet

from foundation.audit import AUDIT_COLUMNS


class ReadOnlyViewSet(ModelViewSet):
    """A list and a read-only page per row: no URL exists that could add,
    change or delete one."""

    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class AuditTrailViewSet(ReadOnlyViewSet):
    """Every workflow transition, newest first. Only index and inspect
    exist: there is no URL that could add, change or delete a row."""

    model = StateLog
    name = "audit-trail"
    icon = "history"
    menu_label = "Audit trail"
    list_display = AUDIT_COLUMNS
    list_filter = ["content_type", "transition", "timestamp"]
    search_fields = ["transition", "description"]
    ordering = ["-timestamp"]
    inspect_view_enabled = True
    copy_view_enabled = False
