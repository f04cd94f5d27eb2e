"""The contract page's forms: an indicator (a measure with a target) and a
delivery report against one."""

from django import forms

from foundation.widgets import DateField


class IndicatorForm(forms.Form):
    measure = forms.CharField(
        label="What is measured",
        max_length=200,
        error_messages={"required": "Say what is measured."},
    )
    target = forms.DecimalField(
        label="Target",
        min_value=0,
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "required": "Enter the target.",
            "invalid": "Enter the target as a number, like 120",
        },
    )
    unit = forms.CharField(
        label="Counted in",
        max_length=40,
        help_text="For example: people, visits, per cent.",
        error_messages={"required": "Say what the target counts, like people or visits."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="indicator-%s", **kwargs)


class DeliveryReportForm(forms.Form):
    indicator = forms.TypedChoiceField(
        label="Indicator",
        coerce=int,
        error_messages={"required": "Choose the indicator.", "invalid_choice": "Choose one."},
    )
    period_ending = DateField(
        label="Period ending",
        help_text="For example, 30 9 2027",
        error_messages={"required": "Enter the date the period ends."},
    )
    achieved = forms.DecimalField(
        label="Achieved",
        min_value=0,
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "required": "Enter what was achieved.",
            "invalid": "Enter what was achieved as a number, like 40",
        },
    )
    note = forms.CharField(
        label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, auto_id="report-%s", **kwargs)
        self.fields["indicator"].choices = [("", "Choose")] + [
            (indicator.pk, indicator.measure) for indicator in indicators
        ]
