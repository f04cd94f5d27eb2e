"""The reports' filter: a GET form, so a filtered report or export has an
address that can be shared and bookmarked."""

from dataclasses import dataclass
from datetime import date

from django import forms

from foundation.widgets import DateField
from grants.models import Programme, Round
from neighbourhoods.models import Neighbourhood
from organisations.models import LegalForm


@dataclass(frozen=True)
class ReportFilter:
    """What a report or export is narrowed to; every part optional."""

    date_from: date | None = None
    date_to: date | None = None
    programme: Programme | None = None
    round: Round | None = None
    neighbourhood: Neighbourhood | None = None
    organisation_type: str = ""

    def described(self) -> dict:
        """The filter in words and ids, as the audit trail records it."""
        return {
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "programme": self.programme.name if self.programme else "",
            "round": self.round.title if self.round else "",
            "neighbourhood": self.neighbourhood.name if self.neighbourhood else "",
            "organisation_type": self.organisation_type,
        }


class ReportFilterForm(forms.Form):
    """A filter that does not validate is shown with its error and left out,
    so the page still answers with the rest."""

    date_from = DateField(label="From", required=False, help_text="For example, 1 4 2026")
    date_to = DateField(label="To", required=False, help_text="For example, 31 3 2027")
    programme = forms.ModelChoiceField(
        queryset=Programme.objects.order_by("name"),
        required=False,
        empty_label="All programmes",
        error_messages={"invalid_choice": "Select a programme from the list"},
    )
    round = forms.ModelChoiceField(
        queryset=Round.objects.select_related("programme").order_by("programme__name", "title"),
        to_field_name="slug",
        required=False,
        empty_label="All rounds",
        error_messages={"invalid_choice": "Select a round from the list"},
    )
    neighbourhood = forms.ModelChoiceField(
        queryset=Neighbourhood.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="All neighbourhoods",
        error_messages={"invalid_choice": "Select a neighbourhood from the list"},
    )
    organisation_type = forms.ChoiceField(
        label="Type of organisation",
        choices=[("", "All types of organisation"), *LegalForm.choices],
        required=False,
        error_messages={"invalid_choice": "Select a type of organisation from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.hide_optional = True

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end of the period must be on or after its start")
        return cleaned

    def report_filter(self) -> ReportFilter:
        """The valid parts of the filter; a part with an error is left out."""
        if not self.is_bound:
            return ReportFilter()
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return ReportFilter(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            programme=data.get("programme"),
            round=data.get("round"),
            neighbourhood=data.get("neighbourhood"),
            organisation_type=data.get("organisation_type") or "",
        )
