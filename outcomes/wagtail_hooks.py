"""Staff screens: Key Human Indicator instruments, which a council loads
or edits as data, and each programme's monitoring form, built from the
same question blocks as a round's application form."""

from django import forms
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from outcomes.models import Instrument, MonitoringForm


class InstrumentViewSet(ModelViewSet):
    model = Instrument
    icon = "tasks"
    menu_label = "Key Human Indicators"
    list_display = ["name", "value_set"]
    search_fields = ["name"]
    copy_view_enabled = False
    add_to_admin_menu = False


class MonitoringFormViewSet(ModelViewSet):
    model = MonitoringForm
    icon = "form"
    menu_label = "Monitoring forms"
    list_display = ["__str__", "programme", "contract"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel(
                "programme",
                help_text="Every return of this programme's grants asks these questions.",
            ),
            FieldPanel("contract", help_text="Or one contract, instead of a programme."),
            FieldPanel(
                "questions",
                help_text="Asked after the standard parts of every return: what happened, "
                "spending and social value delivered.",
            ),
            FieldPanel("instruments", widget=forms.CheckboxSelectMultiple),
        ]
    )


class OutcomesGroup(ModelViewSetGroup):
    menu_label = "Outcomes"
    menu_icon = "tasks"
    menu_order = 260
    items = (MonitoringFormViewSet, InstrumentViewSet)


@hooks.register("register_admin_viewset")
def register_outcomes_viewsets():
    return OutcomesGroup()
