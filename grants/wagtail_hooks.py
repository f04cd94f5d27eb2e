"""Staff screens for programmes and rounds in the Wagtail admin. Round
questions are built here from blocks, without code."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from grants import waiting
from grants.models import Programme, Round
from grants.services.launches import round_launch_start
from grants.services.rounds import CriterionLine, round_call_create
from organisations.models import LegalForm
from social_value.models import Framework, Panel


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

    # A new round's scoring call is made from these, in the same form.
    scoring_panel = forms.ModelChoiceField(
        label="Panel", queryset=Panel.objects.order_by("name"), required=False
    )
    scoring_framework = forms.ModelChoiceField(
        label="Social value framework",
        queryset=Framework.objects.filter(state="published").order_by("name", "-version"),
        required=False,
    )
    scoring_criteria = forms.CharField(
        label="How applications are scored",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=(
            "One criterion a line: its title, a comma, then its weight in per cent; the "
            "weights add up to 100. Start a line with “Gateway:” for a pass-or-fail check, "
            "and end it with “(social value)” if it scores social value. For example: "
            "Need in the neighbourhood, 40"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("scoring_panel", "scoring_framework", "scoring_criteria"):
                self.fields.pop(name, None)
        else:
            # The call is made from the criteria below, not chosen.
            self.fields.pop("call", None)
            framework = self.fields["scoring_framework"]
            framework.required = True
            framework.initial = framework.queryset.order_by("-published_at").first()
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

    def clean_scoring_criteria(self):
        lines, problems = [], []
        text = self.cleaned_data.get("scoring_criteria", "")
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            gateway = line.lower().startswith("gateway:")
            if gateway:
                lines.append(
                    CriterionLine(title=line[len("gateway:") :].strip(), weight=0, gateway=True)
                )
                continue
            social = line.lower().endswith("(social value)")
            if social:
                line = line[: -len("(social value)")].strip()
            title, _, weight = line.rpartition(",")
            try:
                weight = Decimal(weight.strip().rstrip("%"))
            except InvalidOperation:
                weight = None
            if not title.strip() or weight is None or not 0 < weight <= 100:
                problems.append(
                    f"Line {number}: write a title, a comma and a weight, like “Need, 40”."
                )
                continue
            lines.append(CriterionLine(title=title.strip(), weight=weight, social_value=social))
        if problems:
            raise forms.ValidationError(problems)
        if "scoring_criteria" in self.fields and not lines:
            raise forms.ValidationError("Add the criteria the panel scores applications by.")
        scored = sum(line.weight for line in lines if not line.gateway)
        if lines and scored != 100:
            raise forms.ValidationError(f"The weights add up to {scored:g}, not 100.")
        return lines

    def save(self, commit=True):
        if not self.instance.pk and not self.instance.call_id:
            data = self.cleaned_data
            self.instance.call = round_call_create(
                title=data["title"],
                panel=data.get("scoring_panel"),
                framework=data.get("scoring_framework"),
                criteria=data["scoring_criteria"],
            )
        new = not self.instance.pk
        round_ = super().save(commit)
        if new and commit:
            # A new round opens only once another officer approves its launch.
            round_launch_start(round_=round_)
        return round_


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
    form_fields = [
        "name",
        "description",
        "outcomes_sought",
        "budget",
        "owner",
        "publish_360giving_from",
    ]
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
        MultiFieldPanel(
            [
                FieldPanel("scoring_panel"),
                FieldPanel("scoring_framework"),
                FieldPanel("scoring_criteria"),
            ],
            heading="Scoring",
        ),
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


class WaitingPanel(Component):
    """The staff home: what is waiting for the grants team, each a count
    linked to its list. First on the page, as it is where the day starts."""

    name = "grants_waiting"
    template_name = "grants/admin/waiting_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return {"panels": waiting.waiting_panels()}


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request, panels):
    if request.user.has_perm("grants.assess_application"):
        panels.append(WaitingPanel())
