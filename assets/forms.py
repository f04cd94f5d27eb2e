"""Forms for the asset map: the directory's filters, the holder's update
and anyone's suggestion (both carrying only the fields the services
accept), claims, the officer's CSV import and the review of claims and
suggestions."""

from django import forms
from django.db import models

from assets.models import Asset, AssetClaim, AssetKind, AssetSuggestion
from assets.services.imports import MAX_BYTES
from assets.services.upkeep import EDITABLE
from neighbourhoods.models import Neighbourhood


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


class AssetFilterForm(forms.Form):
    """The directory's filters. The query-string names (q, neighbourhood,
    kind, tag) are also the GeoJSON feed's, so the map beside the list can
    be asked for the same assets."""

    q = forms.CharField(
        label="Words or postcode", required=False, max_length=200, widget=forms.SearchInput
    )
    neighbourhood = forms.ModelChoiceField(
        queryset=Neighbourhood.objects.order_by("name"),
        to_field_name="slug",
        label="Neighbourhood",
        required=False,
        empty_label="All",
        error_messages={"invalid_choice": "Select a neighbourhood from the list"},
    )
    kind = forms.ChoiceField(
        choices=[("", "All"), *AssetKind.choices],
        label="Kind",
        required=False,
        error_messages={"invalid_choice": "Select a kind of asset from the list"},
    )
    tag = forms.ModelChoiceField(
        queryset=None,
        to_field_name="slug",
        label="Tag",
        required=False,
        empty_label="All",
        error_messages={"invalid_choice": "Select a tag from the list"},
    )

    # For people choosing their own support with a personal budget.
    budgets = forms.BooleanField(
        label="Accepts personal budgets or direct payments", required=False
    )
    micro = forms.BooleanField(label="Micro-enterprises", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every tag given to an asset, so nobody filters into nothing.
        self.fields["tag"].queryset = Asset.tags.order_by("name")
        for name, field in self.fields.items():
            field.hide_optional = True  # every filter is optional: no need to say so
            if name not in ("q", "budgets", "micro"):
                field.widget.attrs["class"] = "govuk-!-width-full"

    def query(self) -> dict[str, str]:
        """The filters that validated, by their query-string names; a
        filter that did not is left out rather than matching nothing."""
        data = getattr(self, "cleaned_data", {})
        neighbourhood, tag = data.get("neighbourhood"), data.get("tag")
        return {
            "q": data.get("q", ""),
            "neighbourhood": neighbourhood.slug if neighbourhood else "",
            "kind": data.get("kind", ""),
            "tag": tag.slug if tag else "",
            "budgets": "1" if data.get("budgets") else "",
            "micro": "1" if data.get("micro") else "",
        }


class AssetImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="A .csv file saved from a spreadsheet, up to 5 MB.",
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": "Select a CSV file", "empty": "The selected file is empty"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 5 MB")
        return upload


class AssetImportConfirmForm(forms.Form):
    """The second step: the officer presses "Import these assets" on the
    preview. `action` comes from that button and `fingerprint` names the
    file previewed; nothing is typed."""

    action = forms.ChoiceField(choices=[("import", "Import these assets")])
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)


CHOOSE = {"required": "Choose what to do.", "invalid_choice": "Choose what to do."}


class DecisionForm(forms.Form):
    """An officer's decision on one claim or suggestion on the review page.

    Each row of the page has its own form, with ids naming the row
    (`claim-12-reason`), so an error links to the right box; the field
    names stay the same in every row. `action` is the button pressed."""

    target = ""  # the hidden field naming the claim or suggestion

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pk = str(self[self.target].value() or "")
        self.auto_id = f"{self.target}-{pk if pk.isdigit() else 'unknown'}-%s"

    def clean(self):
        # The row and the button have no box to show an error at: say
        # what went wrong at the top of the page instead.
        for name in (self.target, "action"):
            for message in self.errors.pop(name, []):
                self.add_error(None, message)
        return self.cleaned_data

    def is_for(self, row) -> bool:
        return self.is_bound and str(self[self.target].value()) == str(row.pk)


class ClaimDecisionForm(DecisionForm):
    target = "claim"
    claim = forms.ModelChoiceField(
        queryset=AssetClaim.objects.all(),
        widget=forms.HiddenInput,
        error_messages={
            "required": "Choose a claim or a suggestion to decide on.",
            "invalid_choice": "That claim is no longer there to review.",
        },
    )
    reason = forms.CharField(
        label="Reason (needed to deny or revoke)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    action = forms.ChoiceField(
        choices=[("confirm", "Confirm"), ("deny", "Deny"), ("revoke", "Revoke")],
        error_messages=CHOOSE,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].hide_optional = True  # the label says when it is needed


class SuggestionDecisionForm(DecisionForm):
    target = "suggestion"
    suggestion = forms.ModelChoiceField(
        queryset=AssetSuggestion.objects.all(),
        widget=forms.HiddenInput,
        error_messages={
            "required": "Choose a claim or a suggestion to decide on.",
            "invalid_choice": "That suggestion is no longer there to review.",
        },
    )
    reason = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    action = forms.ChoiceField(
        choices=[("accept", "Accept"), ("reject", "Reject")], error_messages=CHOOSE
    )


def decision_form_bound(data) -> DecisionForm:
    """The decision posted from the review page: on a claim or a suggestion."""
    form_class = ClaimDecisionForm if "claim" in data else SuggestionDecisionForm
    return form_class(data)
