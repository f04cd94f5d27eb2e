"""Staff screens for commissions, tenders, lots and the bank holiday
calendar. Bids are not here: they are read only through the sealed pages."""

from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from commissioning.models import Commission, Lot, Tender, TenderDocument, TenderState
from foundation.models import BankHoliday
from foundation.viewsets import form_with_locked_fields


def _work(tender: Tender) -> str:
    return format_html(
        '<a href="{}">Timeline and actions</a>', reverse("tender-manage", args=[tender.pk])
    )


class CommissionViewSet(ModelViewSet):
    model = Commission
    icon = "doc-full"
    form_fields = ["title", "need", "neighbourhoods", "created_by"]
    list_display = ["title", "created_at"]
    copy_view_enabled = False


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
            locked=lambda tender: tender.state not in (TenderState.DRAFT, TenderState.APPROVED),
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
            locked=lambda lot: lot.tender.state not in (TenderState.DRAFT, TenderState.APPROVED),
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


class CommissioningGroup(ModelViewSetGroup):
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


@hooks.register("register_admin_viewset")
def register_commissioning_viewsets():
    return CommissioningGroup()


@hooks.register("register_admin_menu_item")
def register_pipeline():
    return MenuItem(
        "Tender pipeline", reverse("commissioning-pipeline"), icon_name="list-ol", order=261
    )
