"""Staff screens in the Wagtail admin: the framework, calls with their
criteria, and panels with their members."""

from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from social_value.models import Call, Framework, Measure, Outcome, Panel, Theme


def scoring_link(call: Call) -> str:
    return format_html(
        '<a href="{}">Scoring, moderation and ranking</a>', reverse("call-overview", args=[call.pk])
    )


class FrameworkViewSet(ModelViewSet):
    model = Framework
    icon = "table"
    menu_label = "Framework versions"
    list_display = ["name", "version", "state", "published_at"]
    list_filter = ["state"]
    form_fields = ["name", "version", "description"]
    copy_view_enabled = False
    inspect_view_enabled = True


class ThemeViewSet(ModelViewSet):
    model = Theme
    icon = "folder-open-inverse"
    list_display = ["code", "name", "framework"]
    list_filter = ["framework"]
    form_fields = ["framework", "code", "name", "description"]
    copy_view_enabled = False


class OutcomeViewSet(ModelViewSet):
    model = Outcome
    icon = "tick"
    list_display = ["code", "name", "theme"]
    list_filter = ["theme__framework"]
    form_fields = ["theme", "code", "name"]
    copy_view_enabled = False


class MeasureViewSet(ModelViewSet):
    model = Measure
    icon = "calculator"
    list_display = ["code", "name", "unit", "proxy_value", "first_year_only", "outcome"]
    list_filter = ["outcome__theme__framework", "unit", "first_year_only"]
    search_fields = ["code", "name"]
    form_fields = [
        "outcome",
        "code",
        "name",
        "unit",
        "proxy_value",
        "evidence_required",
        "first_year_only",
    ]
    copy_view_enabled = False


# What scores a call: fixed once its tender or round is published.
SCORING_RULES = ["kind", "framework", "scale", "social_value_floor"]


class CallAdminForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        if self.instance.pk and self.instance.is_published():
            rules = [name for name in self.changed_data if name in SCORING_RULES]
            criteria = any(formset.has_changed() for formset in self.formsets.values())
            if rules or criteria:
                self.add_error(
                    None,
                    "The tender or round is published: its criteria, weights and scoring "
                    "rules are a promise to everyone taking part and cannot change now.",
                )
        return data


class CallViewSet(ModelViewSet):
    model = Call
    icon = "list-ol"
    menu_label = "Scorable calls"
    list_display = [
        "title",
        "kind",
        "state",
        Column("scoring", label="Scoring", accessor=scoring_link),
    ]
    list_filter = ["kind", "state"]
    search_fields = ["title"]
    copy_view_enabled = False
    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("framework"),
                FieldPanel("scale"),
                FieldPanel("social_value_floor"),
                FieldPanel("disagreement_threshold"),
            ],
            heading="Scoring rules",
        ),
        MultiFieldPanel(
            [
                FieldPanel("panel"),
                FieldPanel("members_per_submission"),
                FieldPanel("requires_lived_experience_member"),
                FieldPanel("scoring_deadline"),
            ],
            heading="Panel",
        ),
        InlinePanel(
            "criteria",
            heading="Criteria and weights",
            help_text="Scored and price weights must add up to 100; on a tender, social value "
            "criteria together carry at least the minimum social value weight.",
            panels=[
                FieldPanel("kind"),
                FieldPanel("title"),
                FieldPanel("guidance"),
                FieldPanel("weight"),
                FieldPanel("is_social_value"),
                FieldPanel("theme"),
                FieldPanel("min_score"),
            ],
        ),
    ]
    edit_handler = ObjectList(panels, base_form_class=CallAdminForm)


class PanelViewSet(ModelViewSet):
    model = Panel
    icon = "group"
    menu_label = "Panels"
    list_display = ["name"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        InlinePanel(
            "members",
            heading="Members",
            help_text="Lived-experience and community members score with equal weight.",
            panels=[FieldPanel("user"), FieldPanel("role")],
        ),
    ]


class SocialValueGroup(ModelViewSetGroup):
    menu_label = "Social value and scoring"
    menu_icon = "table"
    menu_order = 300
    items = (
        FrameworkViewSet,
        ThemeViewSet,
        OutcomeViewSet,
        MeasureViewSet,
        CallViewSet,
        PanelViewSet,
    )


@hooks.register("register_admin_viewset")
def register_social_value_viewsets():
    return SocialValueGroup()


@hooks.register("register_admin_menu_item")
def register_frameworks_page():
    return MenuItem("Publish frameworks", reverse("framework-list"), icon_name="upload", order=310)
