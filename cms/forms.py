"""The public site's search and list filters. They are GET forms: the
query-string names (q, type, neighbourhood, status) are part of the pages'
addresses, so links to a filtered list keep working."""

from django import forms
from django.core.exceptions import ValidationError
from taggit.models import Tag

from assets.models import Asset
from cms.call_status import CallStatus
from foundation.validators import postcode_normalise
from neighbourhoods.models import Neighbourhood

ALL_STATUSES = "all"


def _neighbourhood_field(*, empty_label: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=Neighbourhood.objects.order_by("name"),
        to_field_name="slug",
        label="Neighbourhood",
        required=False,
        empty_label=empty_label,
        error_messages={"invalid_choice": "Select a neighbourhood from the list"},
    )


class FilterForm(forms.Form):
    """A filter is optional by nature: the label need not say so. One that
    does not validate is shown with its error and left out of the list."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.hide_optional = True

    def filters(self) -> dict:
        """Each filter as chosen, or its default where nothing valid was."""
        self.is_valid()
        # An unbound form (a first visit, no query) has chosen nothing yet.
        chosen = getattr(self, "cleaned_data", {})
        return {name: chosen.get(name) or field.initial for name, field in self.fields.items()}


class SiteSearchForm(FilterForm):
    q = forms.CharField(
        label="Search this site",
        help_text="For example, lunch club, community connectors or Millfield",
        required=False,
        initial="",
        max_length=200,
        widget=forms.SearchInput,
        error_messages={"max_length": "Search for 200 characters or fewer"},
    )
    # Chosen by the links above the results; kept when the words change.
    kind = forms.CharField(required=False, initial="", widget=forms.HiddenInput)


class PostcodeSearchForm(FilterForm):
    """Where I live: a postcode, and how far a person can get about."""

    postcode = forms.CharField(
        label="Your postcode",
        help_text="For example, SW1A 1AA",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
        error_messages={"max_length": "Enter a postcode of 10 characters or fewer"},
    )
    distance = forms.TypedChoiceField(
        label="Within",
        choices=[("0.5", "Half a mile"), ("1", "1 mile"), ("2", "2 miles"), ("5", "5 miles")],
        coerce=float,
        initial="1",
        required=False,
        empty_value=1.0,
        error_messages={"invalid_choice": "Select how far from the list"},
    )

    def clean_postcode(self):
        try:
            return postcode_normalise(self.cleaned_data["postcode"])
        except ValidationError as error:
            raise ValidationError("Enter a real UK postcode, like SW1A 1AA") from error


class WidgetForm(FilterForm):
    """What the embedded search on another site covers."""

    neighbourhood = _neighbourhood_field(empty_label="All neighbourhoods")
    topic = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        to_field_name="slug",
        label="Topic",
        required=False,
        empty_label="Every topic",
        error_messages={"invalid_choice": "Select a topic from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The tags given to assets: a topic the widget can find something for.
        self.fields["topic"].queryset = Asset.tags.order_by("name")


class CallFilterForm(FilterForm):
    type = forms.ChoiceField(
        label="Type",
        choices=[("", "Grants and tenders"), ("grant", "Grants"), ("tender", "Tenders")],
        initial="",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select grants, tenders or both"},
    )
    neighbourhood = _neighbourhood_field(empty_label="Anywhere")
    status = forms.ChoiceField(
        label="Status",
        choices=[
            (CallStatus.OPEN, "Open now"),
            *[
                choice
                for choice in CallStatus.choices
                if choice[0] not in (CallStatus.OPEN, CallStatus.CANCELLED)
            ],
            (ALL_STATUSES, "All calls"),
        ],
        initial=CallStatus.OPEN,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select a status from the list"},
    )

    def __init__(self, data=None, *args, **kwargs):
        # Open calls unless the person asks for others: the radio shows it.
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = CallStatus.OPEN
        super().__init__(data, *args, **kwargs)


class AwardsFilterForm(FilterForm):
    neighbourhood = _neighbourhood_field(empty_label="Everywhere")
