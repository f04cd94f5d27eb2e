"""Staff screens for programmes and rounds in the Wagtail admin. Round
questions are built here from blocks, without code."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from grants.models import Programme, Round
from organisations.models import LegalForm


class RoundAdminForm(WagtailAdminModelForm):
    allowed_legal_forms = forms.MultipleChoiceField(
        choices=LegalForm.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave all unticked to accept every legal form.",
    )

    # Once a round is announced its dates are a promise: they move only
    # through "Change a date" (grants.services.deadlines), which records the
    # reason and tells every applicant. A disabled field ignores what is posted.
    DATES = ("opens_at", "closes_at")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.is_announced():
            help_text = format_html(
                'This round has been announced. Use <a href="{}">Change a date</a> on the '
                "round's dashboard: every applicant is told.",
                reverse("round-deadline", args=[self.instance.pk]),
            )
            for name in self.DATES:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = help_text


def _round_links(round_: Round) -> str:
    return format_html(
        '<a href="{}">Dashboard</a> · <a href="{}">Applications</a>',
        reverse("grants-round-dashboard", args=[round_.pk]),
        reverse("grants-application-list", args=[round_.pk]),
    )


class ProgrammeViewSet(ModelViewSet):
    model = Programme
    icon = "folder-inverse"
    menu_label = "Programmes"
    list_display = ["name", "budget", "owner"]
    form_fields = ["name", "description", "outcomes_sought", "budget", "owner"]
    copy_view_enabled = False


class RoundViewSet(ModelViewSet):
    model = Round
    icon = "date"
    menu_label = "Rounds"
    list_display = [
        "title",
        "programme",
        "opens_at",
        "closes_at",
        Column("links", label="Work", accessor=_round_links),
    ]
    list_filter = ["programme"]
    search_fields = ["title"]
    copy_view_enabled = False
    edit_handler_panels = [
        FieldPanel("programme"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at")],
            heading="Dates (UK time)",
        ),
        MultiFieldPanel(
            [FieldPanel("budget"), FieldPanel("minimum_award"), FieldPanel("maximum_award")],
            heading="Money",
        ),
        MultiFieldPanel(
            [
                FieldPanel("allowed_legal_forms"),
                FieldPanel("maximum_annual_income"),
                FieldPanel("neighbourhoods"),
            ],
            heading="Eligibility",
        ),
        FieldPanel("call", help_text="Its criteria, weights, scale and panel score this round."),
        FieldPanel("questions"),
    ]
    edit_handler = ObjectList(edit_handler_panels, base_form_class=RoundAdminForm)


class GrantsGroup(ModelViewSetGroup):
    menu_label = "Grants"
    menu_icon = "pick"
    menu_order = 250
    items = (ProgrammeViewSet, RoundViewSet)


@hooks.register("register_admin_viewset")
def register_grants_viewsets():
    return GrantsGroup()
