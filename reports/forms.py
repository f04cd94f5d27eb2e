"""The reports' forms: the filter, a GET form so a filtered report or
export has an address that can be shared and bookmarked; and the file of
the council's deprivation measure."""

import io
from dataclasses import dataclass
from datetime import date

from django import forms

from foundation.widgets import DateField
from grants.models import Programme, Round
from neighbourhoods.models import Neighbourhood
from organisations.models import LegalForm
from reports.deprivation import DeprivationFileError, deprivation_rows


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


DEPRIVATION_MAX_BYTES = 5 * 1024 * 1024


class DeprivationUploadForm(forms.Form):
    """The council's deprivation measure as a CSV file: read and checked
    here, so a file with a fault is refused whole, saying where."""

    file = forms.FileField(
        label="Deprivation file",
        help_text=(
            "A .csv file with a header row of code, name, score and decile (name and decile "
            "may be left empty), one row for each LSOA or ward, up to 5 MB."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": "Select a CSV file", "empty": "The selected file is empty"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > DEPRIVATION_MAX_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 5 MB")
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                "The selected file must be a CSV file saved as UTF-8 (in Excel: "
                "Save as, then CSV UTF-8)"
            ) from None
        try:
            self.rows = deprivation_rows(io.StringIO(text, newline=""))
        except DeprivationFileError as error:
            raise forms.ValidationError(str(error)) from None
        if not self.rows:
            raise forms.ValidationError("The selected file has a header row but no areas")
        return upload
