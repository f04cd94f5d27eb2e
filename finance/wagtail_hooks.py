"""Staff screens: each programme's due diligence and agreement, the
agreement templates, the finance team's page, and what is waiting for the
grants and finance teams on the staff home."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from finance.models import AgreementTemplate, ProgrammeFinance
from finance.selectors import finance_counts

RELEASE = "finance.release_payment"
OFFICER = "grants.assess_application"
VERIFY = "organisations.verify_bankdetails"


class ProgrammeFinanceViewSet(ModelViewSet):
    model = ProgrammeFinance
    icon = "tick-inverse"
    menu_label = "Due diligence and agreements"
    url_prefix = "finance/programmes"
    list_display = ["programme", "agreement_template"]
    panels = [
        FieldPanel("programme"),
        MultiFieldPanel(
            [
                FieldPanel("needs_governing_document"),
                FieldPanel("needs_safeguarding"),
                FieldPanel("needs_insurance"),
                FieldPanel("needs_accounts"),
                FieldPanel("needs_registration"),
            ],
            heading="Checks recorded before the offer is sent",
        ),
        FieldPanel("agreement_template"),
    ]


class AgreementTemplateViewSet(ModelViewSet):
    model = AgreementTemplate
    icon = "doc-full"
    menu_label = "Agreement templates"
    url_prefix = "finance/agreement-templates"
    list_display = ["name", "title"]
    form_fields = ["name", "title", "introduction", "conditions", "closing"]


class FinanceGroup(ModelViewSetGroup):
    menu_label = "Grant agreements"
    menu_icon = "doc-full"
    menu_order = 255
    items = (ProgrammeFinanceViewSet, AgreementTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_finance_viewsets():
    return FinanceGroup()


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_payments_page():
    return PermittedMenuItem(
        "Payments to release",
        reverse("finance:payments"),
        icon_name="table",
        order=256,
        permission=RELEASE,
    )


class FinanceWaitingPanel(Component):
    """Claims waiting for a grants officer; payments waiting for the finance
    team; bank details waiting to be verified. Each a count and a link."""

    name = "finance_waiting"
    template_name = "finance/admin/waiting_panel.html"
    order = 55

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        counts = finance_counts()
        items = []
        if self.user.has_perm(OFFICER):
            items.append(
                (counts["claims"], "Claims waiting for approval", reverse("finance:claims"))
            )
        if self.user.has_perm(RELEASE):
            items.append(
                (counts["release"], "Payments waiting for release", reverse("finance:payments"))
            )
            items.append(
                (counts["export"], "Released payments to export", reverse("finance:payments"))
            )
        if self.user.has_perm(VERIFY):
            items.append(
                (
                    counts["bank"],
                    "Bank detail changes waiting for verification",
                    reverse("bank-details-to-verify"),
                )
            )
        return {"items": items}


@hooks.register("construct_homepage_panels")
def add_finance_panel(request, panels):
    if any(request.user.has_perm(perm) for perm in (OFFICER, RELEASE, VERIFY)):
        panels.append(FinanceWaitingPanel(request.user))
