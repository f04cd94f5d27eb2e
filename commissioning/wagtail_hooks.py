"""Staff screens for commissions, tenders, lots and the bank holiday
calendar. Bids are not here: they are read only through the sealed pages."""

from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from commissioning.models import UNPUBLISHED, Commission, Lot, Tender, TenderDocument
from foundation.models import BankHoliday
from foundation.viewsets import form_with_locked_fields
from people.roles import COMMISSIONER
from social_value.models import CallKind

RUN = "commissioning.run_tender"


def _set_up(commission: Commission) -> str:
    return format_html(
        '<a href="{}">Appraisal and set-up</a>', reverse("commission-detail", args=[commission.pk])
    )


def _work(tender: Tender) -> str:
    return format_html(
        '<a href="{}">Timeline and actions</a>', reverse("tender-manage", args=[tender.pk])
    )


class CommissionCreateView(CreateView):
    def save_instance(self):
        # "Created by" is whoever is signed in, never a choice from every user.
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class CommissionViewSet(ModelViewSet):
    model = Commission
    icon = "doc-full"
    form_fields = ["title", "need", "neighbourhoods"]
    list_display = [
        "title",
        "created_by",
        "created_at",
        Column("set_up", label="Set-up", accessor=_set_up),
    ]
    copy_view_enabled = False
    add_view_class = CommissionCreateView


class TenderViewSet(ModelViewSet):
    model = Tender
    icon = "doc-full-inverse"
    list_display = [
        "title",
        "state",
        "submission_deadline",
        Column("work", label="Work", accessor=_work),
    ]
    list_filter = ["state", "procedure"]
    form_fields = [
        "commission",
        "title",
        "description",
        "estimated_value",
        "procedure",
        "clarification_deadline",
        "submission_deadline",
        "expected_award",
        "contract_starts",
        "contract_ends",
        "call",
        "questions",
    ]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        # Once published, the dates are promises: they move only by
        # "Change the deadline" on the tender's page, recorded and announced.
        return form_with_locked_fields(
            super().get_form_class(for_update),
            names=["clarification_deadline", "submission_deadline"],
            locked=lambda tender: tender.state not in UNPUBLISHED,
            help_text="Published: change it with “Change the deadline” on the tender's page.",
        )


class LotViewSet(ModelViewSet):
    model = Lot
    icon = "list-ul"
    list_display = ["tender", "number", "title", "estimated_value"]
    list_filter = ["tender"]
    form_fields = ["tender", "number", "title", "description", "estimated_value"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        # Bids name their lot: once the tender is published a lot stays where it is.
        return form_with_locked_fields(
            super().get_form_class(for_update),
            names=["tender", "number", "estimated_value"],
            locked=lambda lot: lot.tender.state not in UNPUBLISHED,
            help_text="The tender is published: this cannot change.",
        )


class TenderDocumentViewSet(ModelViewSet):
    model = TenderDocument
    icon = "doc-empty"
    list_display = ["title", "tender"]
    list_filter = ["tender"]
    form_fields = ["tender", "title", "file"]
    copy_view_enabled = False


class BankHolidayViewSet(ModelViewSet):
    """The one-off bank holidays appointed by proclamation (a coronation, a
    state funeral). The regular ones of every part of the UK come from the
    calendar itself (`foundation.calendar`) and need no entry here."""

    model = BankHoliday
    icon = "date"
    menu_label = "One-off bank holidays"
    list_display = ["date", "name"]
    form_fields = ["date", "name"]
    copy_view_enabled = False


class PermittedMenuItem(MenuItem):
    """A link shown to people holding any of these permissions."""

    def __init__(self, label, url, *, permissions, **kwargs):
        super().__init__(label, url, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return any(request.user.has_perm(name) for name in self.permissions)


class CommissioningGroup(ModelViewSetGroup):
    """The commissioner's menu, in the order a tender is set up: the
    commission with its need and appraisal, the scoring criteria (tender
    calls only), the tender, its lots and documents, then the pipeline
    where it is approved, published, evaluated and awarded."""

    menu_label = "Commissioning"
    menu_icon = "doc-full-inverse"
    menu_order = 260
    items = (
        CommissionViewSet,
        TenderViewSet,
        LotViewSet,
        TenderDocumentViewSet,
        BankHolidayViewSet,
    )

    def get_submenu_items(self):
        commissions, tenders, lots, documents, holidays = (
            registerable.get_menu_item() for registerable in self.registerables
        )
        criteria = PermittedMenuItem(
            "Scoring criteria",
            reverse("call:index") + f"?kind={CallKind.TENDER}",
            permissions=["social_value.view_call", "social_value.change_call"],
            icon_name="table",
        )
        pipeline = PermittedMenuItem(
            "Tender pipeline",
            reverse("commissioning-pipeline"),
            permissions=[RUN],
            icon_name="list-ol",
        )
        panels = PermittedMenuItem(
            "Scoring panels",
            reverse("panel:index"),
            permissions=["social_value.view_panel", "social_value.change_panel"],
            icon_name="group",
        )
        ordered = [commissions, criteria, tenders, lots, documents, pipeline, panels, holidays]
        for order, item in enumerate(ordered, start=1):
            item.order = order
        return ordered


@hooks.register("register_admin_viewset")
def register_commissioning_viewsets():
    return CommissioningGroup()


# What a commissioner uses; anything else in the admin is another role's work.
COMMISSIONER_MENU = {"commissioning", "help"}


@hooks.register("construct_main_menu")
def commissioner_menu_only(request, menu_items):
    user = request.user
    if user.is_superuser or set(user.groups.values_list("name", flat=True)) != {COMMISSIONER}:
        return
    menu_items[:] = [item for item in menu_items if item.name in COMMISSIONER_MENU]
