"""The finance pages' forms, each field drawn through the GOV.UK field tag."""

from django import forms

from finance.models import DueDiligenceCheck
from foundation.money import MoneyField
from grants.uploads import accept_attribute, describe, validate_upload

EVIDENCE_TYPES = ["pdf", "jpg", "png", "docx", "xlsx"]
EVIDENCE_MB = 10


class DueDiligenceForm(forms.Form):
    note = forms.CharField(
        label="What you checked",
        max_length=500,
        help_text="For example, the document's date, the insurer and the cover, or the "
        "year the accounts are for.",
        error_messages={"required": "Say what you checked"},
    )

    def __init__(self, *args, check: DueDiligenceCheck, **kwargs):
        super().__init__(*args, prefix=check.value, **kwargs)
        self.check = check
        if check == DueDiligenceCheck.REGISTRATION:
            self.fields["register_number"] = forms.CharField(
                label="Number checked on the register",
                max_length=20,
                help_text="The charity or company number, as the register shows it",
            )
            self.fields["registered_as"] = forms.CharField(
                label="Name on the register",
                max_length=200,
                help_text="Type the name exactly as the register gives it",
            )


class AgreementAcceptForm(forms.Form):
    name = forms.CharField(
        label="Your full name",
        max_length=200,
        error_messages={"required": "Enter your full name"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    role = forms.CharField(
        label="Your role in the organisation",
        max_length=200,
        help_text="For example, Chair of trustees or Treasurer",
        error_messages={"required": "Enter your role in the organisation"},
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    # The fingerprint of the document the page showed, so what is accepted
    # is exactly what was read.
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)
    confirm = forms.BooleanField(
        label="I have read the agreement and accept it on behalf of the organisation",
        error_messages={"required": "Confirm you have read and accept the agreement"},
    )


def _evidence_check(upload):
    validate_upload(upload, allowed_types=EVIDENCE_TYPES, max_size_mb=EVIDENCE_MB)


class ClaimForm(forms.Form):
    """The spend on each line of the application's budget, and evidence."""

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for index, (item, budget) in enumerate(lines):
            self.fields[f"line_{index}"] = MoneyField(
                label=f"Spent on {item}",
                required=False,
                help_text=f"Budget £{budget:,.2f}",
            )
        self.fields["evidence"] = forms.FileField(
            label="Evidence of spend",
            help_text=f"Invoices or receipts in one file: {describe(EVIDENCE_TYPES)}, "
            f"up to {EVIDENCE_MB} MB.",
            widget=forms.FileInput(attrs={"accept": accept_attribute(EVIDENCE_TYPES)}),
            validators=[_evidence_check],
            error_messages={
                "required": "Upload your evidence of spend, such as invoices or receipts"
            },
        )

    def spend(self) -> dict:
        return {
            item: self.cleaned_data.get(f"line_{index}")
            for index, (item, _budget) in enumerate(self.lines)
        }


class ClaimReturnForm(forms.Form):
    reason = forms.CharField(
        label="Why the claim is returned",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Needed only to return the claim: say what to change.",
    )


class PaidFileForm(forms.Form):
    paid_file = forms.FileField(
        label="The finance system's paid-file",
        help_text="A CSV file with the columns Payment number, Paid on and Finance reference",
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": "Choose the paid-file to upload"},
    )
