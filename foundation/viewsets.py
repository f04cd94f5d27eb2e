"""Admin screens every app can build on, and the audit trail's own."""

from django.urls import path
from django_fsm_log.models import StateLog
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from foundation.audit import AUDIT_COLUMNS, audit_actor_name


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


def _actor(entry) -> str:
    return audit_actor_name(entry.by)


class AuditTrailIndexView(generic.IndexView):
    # The export names the system's own entries as the list does.
    custom_field_preprocess = {"by": {"csv": audit_actor_name, "xlsx": audit_actor_name}}


class AuditTrailInspectView(generic.InspectView):
    def get_by_display_value(self):
        return audit_actor_name(self.object.by)


class AuditTrailViewSet(ReadOnlyViewSet):
    """Every workflow transition, newest first. Only index and inspect
    exist: there is no URL that could add, change or delete a row. The list
    and its CSV and spreadsheet exports name the system's own entries
    "System"."""

    model = StateLog
    name = "audit-trail"
    icon = "history"
    menu_label = "Audit trail"
    index_view_class = AuditTrailIndexView
    inspect_view_class = AuditTrailInspectView
    list_display = [
        column if column != "by" else Column("by", label="By", accessor=_actor)
        for column in AUDIT_COLUMNS
    ]
    list_export = [*AUDIT_COLUMNS, "description"]
    list_filter = ["content_type", "transition", "timestamp"]
    search_fields = ["transition", "description"]
    ordering = ["-timestamp"]
    inspect_view_enabled = True
    copy_view_enabled = False


def form_with_locked_fields(form_class, *, names, locked, help_text: str):
    """`form_class` with `names` read-only once `locked(instance)` holds:
    a disabled field shows its value and ignores whatever is posted, so a
    field a service owns (a published deadline, a state) cannot be changed
    in the admin by any route."""

    class LockedFieldsForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.instance.pk and locked(self.instance):
                for name in names:
                    if name in self.fields:
                        self.fields[name].disabled = True
                        self.fields[name].help_text = help_text

    LockedFieldsForm.__name__ = form_class.__name__
    return LockedFieldsForm
