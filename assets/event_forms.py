"""The holder's form for a What's on event: the date in the GOV.UK date
input, times typed as people write them (7pm, 19:00, 10.30am)."""

from django import forms

from assets.forms import _formfield
from assets.models import AssetEvent
from foundation.forms import time_parse
from foundation.widgets import DateField


class AssetEventForm(forms.ModelForm):
    date = DateField(
        label="Date",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the date"},
    )
    starts = forms.CharField(
        label="Start time",
        help_text="For example 10am or 19:00, UK time",
        max_length=20,
        error_messages={"required": "Enter the start time, for example 10am or 19:00"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    ends = forms.CharField(
        label="End time",
        help_text="For example 12:30pm",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )

    class Meta:
        formfield_callback = _formfield
        model = AssetEvent
        fields = ["title", "description", "date", "starts", "ends", "place", "cost", "booking_link"]
        labels = {"title": "What is it called?", "place": "Where", "cost": "Cost"}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"title": {"required": "Enter what the event is called"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            for name in ("starts", "ends"):
                value = getattr(self.instance, name)
                self.initial[name] = value.strftime("%H:%M") if value else ""

    def clean_starts(self):
        return time_parse(self.cleaned_data["starts"])

    def clean_ends(self):
        text = self.cleaned_data["ends"]
        return time_parse(text) if text.strip() else None
