"""Forms for keeping a listing right: the holder's update and anyone's
suggestion. Both carry only the fields the services accept."""

from django import forms
from django.db import models

from assets.models import Asset
from assets.services.upkeep import EDITABLE


def _formfield(field, **kwargs):
    # A website typed without a scheme is taken as https, as Django 6 will.
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class AssetDetailsForm(forms.ModelForm):
    class Meta:
        formfield_callback = _formfield
        model = Asset
        fields = EDITABLE
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class SuggestionForm(AssetDetailsForm):
    """A correction or a new asset, from anyone; the e-mail lets the officer
    ask a question back, and is never published."""

    suggested_by_name = forms.CharField(label="Your name", max_length=200)
    suggested_by_email = forms.EmailField(
        label="Your e-mail address", help_text="Only the council sees this."
    )

    def __init__(self, *args, new: bool, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name not in ("suggested_by_name", "suggested_by_email"):
                field.required = new and name in ("name", "kind")


class ClaimForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=None, label="Which organisation runs or holds this?", empty_label=None
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
