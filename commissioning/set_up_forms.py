"""The forms of a commission's set-up tasks, one per task page. Each checks
what was typed; the rules across fields (weights adding up to 100, social
value at least 10%, dates in order) are the services', and their errors
come back next to these fields."""

import re
from datetime import datetime

from django import forms
from django.utils import timezone

from commissioning.models import Procedure
from commissioning.services.set_up import QUESTION_KINDS
from foundation.forms import time_parse
from foundation.money import MoneyField
from foundation.widgets import DateField
from neighbourhoods.models import Neighbourhood
from social_value.models import CriterionKind, Panel

# Rows offered on the criteria page: the ones there, and blanks to add more.
BLANK_CRITERIA_ROWS = 2
FEWEST_CRITERIA_ROWS = 4
MOST_CRITERIA = 12


def _text(label, message, rows=3, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message},
        **kwargs,
    )


def _date(label, message) -> DateField:
    return DateField(
        label=label, help_text="For example, 27 3 2027", error_messages={"required": message}
    )


def _time(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text="For example 12:00 or 5:30pm, UK time",
        max_length=20,
        error_messages={"required": "Enter the time, for example 12:00 or 5:30pm"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )


class CommissionForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter a title for the commission."},
    )
    need = _text(
        "The need",
        "Describe the need, in the words of the people who have it.",
        help_text="In the words of the people who have it.",
    )
    neighbourhoods = forms.ModelMultipleChoiceField(
        label="Neighbourhoods",
        queryset=Neighbourhood.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text="Where the need is. Select all that apply.",
        error_messages={"required": "Select at least one neighbourhood."},
    )


class TenderDetailsForm(forms.Form):
    title = forms.CharField(
        label="Tender title", max_length=200, error_messages={"required": "Enter the title."}
    )
    description = _text("What is being bought", "Describe what is being bought.", rows=4)
    estimated_value = MoneyField(
        label="Estimated value (£)",
        error_messages={"required": "Enter the estimated value."},
    )
    procedure = forms.ChoiceField(
        label="Procedure",
        choices=Procedure.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the procedure."},
    )
    clarification_date = _date("Last day for questions", "Enter the last day for questions.")
    clarification_time = _time("Time questions close")
    submission_date = _date("Closing date for bids", "Enter the closing date for bids.")
    submission_time = _time("Time bids close")
    expected_award = _date("Expected award", "Enter when the award is expected.")
    contract_starts = _date("Contract starts", "Enter when the contract starts.")
    contract_ends = _date("Contract ends", "Enter when the contract ends.")

    # The service speaks of the deadlines; the form shows them as a date and a time.
    FIELD_FOR = {
        "clarification_deadline": "clarification_date",
        "submission_deadline": "submission_date",
    }

    @classmethod
    def initial_from(cls, tender) -> dict:
        if tender is None:
            return {}
        initial = {name: getattr(tender, name) for name in cls.base_fields if hasattr(tender, name)}
        for moment in ("clarification", "submission"):
            local = timezone.localtime(getattr(tender, f"{moment}_deadline"))
            initial[f"{moment}_date"] = local.date()
            initial[f"{moment}_time"] = local.strftime("%H:%M")
        return initial

    def clean_clarification_time(self):
        return time_parse(self.cleaned_data["clarification_time"])

    def clean_submission_time(self):
        return time_parse(self.cleaned_data["submission_time"])

    def details(self) -> dict:
        """What the service saves: the deadlines as moments in UK time."""
        data = dict(self.cleaned_data)
        for moment in ("clarification", "submission"):
            data[f"{moment}_deadline"] = timezone.make_aware(
                datetime.combine(data.pop(f"{moment}_date"), data.pop(f"{moment}_time"))
            )
        return data


class CriteriaForm(forms.Form):
    """The criteria and weights, a row each; a row left without a title is
    no criterion. Weights are typed as whole or decimal percentages, and a
    script adds them up as they are typed (static/js/criteria-weights.js)."""

    panel = forms.ModelChoiceField(
        label="The panel that scores the bids",
        queryset=Panel.objects.all(),
        empty_label="Choose",
        error_messages={
            "required": "Choose the panel that scores the bids.",
            "invalid_choice": "Choose a panel from the list.",
        },
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        criteria = list(criteria)
        posted = sum(1 for key in (self.data or {}) if re.fullmatch(r"c\d+-title", key))
        self.rows = min(
            max(len(criteria) + BLANK_CRITERIA_ROWS, FEWEST_CRITERIA_ROWS, posted), MOST_CRITERIA
        )
        for number in range(1, self.rows + 1):
            self.fields[f"c{number}-title"] = forms.CharField(
                label="Criterion", max_length=250, required=False
            )
            self.fields[f"c{number}-kind"] = forms.ChoiceField(
                label="How it is judged",
                choices=CriterionKind.choices,
                initial=CriterionKind.SCORED,
                required=False,
            )
            self.fields[f"c{number}-kind"].hide_optional = True
            self.fields[f"c{number}-weight"] = forms.DecimalField(
                label="Weight (%)",
                required=False,
                min_value=0,
                max_value=100,
                decimal_places=2,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                error_messages={"invalid": "Enter the weight as a number, like 20"},
            )
            self.fields[f"c{number}-is_social_value"] = forms.BooleanField(
                label="It assesses social value", required=False
            )
            self.fields[f"c{number}-title"].hide_optional = True
            self.fields[f"c{number}-weight"].hide_optional = True
            self.fields[f"c{number}-is_social_value"].hide_optional = True
        for number, criterion in enumerate(criteria, start=1):
            self.initial.update(
                {
                    f"c{number}-title": criterion.title,
                    f"c{number}-kind": criterion.kind,
                    f"c{number}-weight": criterion.weight.normalize(),
                    f"c{number}-is_social_value": criterion.is_social_value,
                }
            )

    def row_fields(self):
        """[(row number, [its bound fields])] for the template."""
        return [
            (n, [self[f"c{n}-{name}"] for name in ("title", "kind", "weight", "is_social_value")])
            for n in range(1, self.rows + 1)
        ]

    def clean(self):
        data = super().clean()
        for number in range(1, self.rows + 1):
            title = (data.get(f"c{number}-title") or "").strip()
            kind = data.get(f"c{number}-kind")
            if title and kind != CriterionKind.GATEWAY and data.get(f"c{number}-weight") is None:
                self.add_error(f"c{number}-weight", f"Enter the weight of “{title}”.")
        return data

    def criteria(self) -> list[dict]:
        rows = []
        for number in range(1, self.rows + 1):
            title = (self.cleaned_data.get(f"c{number}-title") or "").strip()
            if title:
                rows.append(
                    {
                        "title": title,
                        "kind": self.cleaned_data[f"c{number}-kind"] or CriterionKind.SCORED,
                        "weight": self.cleaned_data.get(f"c{number}-weight") or 0,
                        "is_social_value": self.cleaned_data[f"c{number}-is_social_value"],
                    }
                )
        return rows


class LotForm(forms.Form):
    title = forms.CharField(
        label="Lot title", max_length=200, error_messages={"required": "Enter the lot's title."}
    )
    description = _text("What this lot covers", "", required=False)
    estimated_value = MoneyField(
        label="Estimated value of the lot (£)",
        error_messages={"required": "Enter the lot's estimated value."},
    )


class QuestionForm(forms.Form):
    label = forms.CharField(
        label="The question",
        max_length=250,
        error_messages={"required": "Write the question bidders answer."},
    )
    kind = forms.ChoiceField(
        label="What kind of answer",
        choices=list(QUESTION_KINDS.items()),
        widget=forms.RadioSelect,
        initial="long_text",
        error_messages={"required": "Choose what kind of answer the question asks for."},
    )
    criterion = forms.ModelChoiceField(
        label="Which criterion it is scored under",
        queryset=None,
        required=False,
        empty_label="None: not scored on its own",
        help_text="Every scored quality criterion needs at least one question.",
    )
    help_text = _text("Guidance for bidders", "", rows=2, required=False)
    word_limit = forms.IntegerField(
        label="Word limit",
        required=False,
        min_value=1,
        help_text="Long and short answers only.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}),
        error_messages={"invalid": "Enter the word limit as a whole number, like 500"},
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = call.criteria.filter(
            kind=CriterionKind.SCORED
        ).order_by("sort_order")


class DocumentForm(forms.Form):
    title = forms.CharField(
        label="Document title",
        max_length=200,
        error_messages={"required": "Enter the document's title."},
    )
    file = forms.FileField(
        label="Upload a file",
        help_text="PDF, Word, Excel or OpenDocument text, up to 20 MB.",
        error_messages={"required": "Choose the file to upload."},
    )
