from django import forms

from foundation.widgets import DateField
from grants.models import Application
from grants.questions import MoneyField


class CoreAnswersForm(forms.ModelForm):
    """The questions every round asks; the round's own follow."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    amount_requested = MoneyField(
        label="Amount asked for (£)", widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    annual_income = MoneyField(
        label="Your organisation's annual income (£)",
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    class Meta:
        model = Application
        fields = ["project_title", "amount_requested", "annual_income"]
        labels = {"project_title": "Project title"}
        help_texts = {
            "amount_requested": "In pounds, e.g. 4500.",
            "annual_income": "Your income in your last accounts, in pounds.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # Drafts may have gaps; all three are checked at submission.
            field.required = False
            field.hide_optional = True
        self.fields["version"].required = True


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class InformationRequestForm(forms.Form):
    question = forms.CharField(
        label="Your question for the applicant", widget=forms.Textarea(attrs={"rows": 3})
    )


class InformationAnswerForm(forms.Form):
    answer = forms.CharField(label="Your answer", widget=forms.Textarea(attrs={"rows": 5}))


class OfferForm(forms.Form):
    starts_on = DateField(label="Grant starts on", help_text="For example, 1 4 2027")
    ends_on = DateField(label="Grant ends on", help_text="For example, 31 3 2028")
    payments = forms.CharField(
        label="Payments",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line: date, amount. For example: 1/4/2027, 2500",
    )
    return_dates = forms.CharField(
        label="Monitoring returns due",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One date per line.",
    )
    terms = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def _dates(self, text):
        field = forms.DateField()
        return [field.clean(line.strip()) for line in text.splitlines() if line.strip()]

    def clean_payments(self):
        rows, amount = [], forms.DecimalField(min_value=0)
        for number, line in enumerate(self.cleaned_data["payments"].splitlines(), start=1):
            if not line.strip():
                continue
            try:
                when, value = (part.strip() for part in line.split(",", 1))
                rows.append((forms.DateField().clean(when), amount.clean(value)))
            except (ValueError, forms.ValidationError):
                raise forms.ValidationError(
                    f"Line {number}: write a date and an amount, like 1/4/2027, 2500"
                ) from None
        return rows

    def clean_return_dates(self):
        try:
            return self._dates(self.cleaned_data["return_dates"])
        except forms.ValidationError:
            raise forms.ValidationError("Write one date per line, like 1/10/2027.") from None


class AcceptOfferForm(forms.Form):
    signed_name = forms.CharField(
        label="Your full name",
        required=False,
        help_text="By typing your name you accept the offer on behalf of your organisation.",
    )


class PaymentForm(forms.Form):
    paid_on = DateField(label="Paid on", help_text="For example, 27 3 2027")
    reference = forms.CharField(label="Payment reference", required=False)


class MonitoringReturnForm(forms.Form):
    narrative = forms.CharField(
        label="What happened", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    spend_to_date = forms.DecimalField(label="Spent so far (£)", min_value=0, required=False)
    outcomes = forms.CharField(
        label="What changed for people", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    connections_helped = forms.IntegerField(
        label="How many people were helped to make or keep connections with friends, "
        "neighbours and family?",
        min_value=0,
        required=False,
    )

    def __init__(self, *args, commitments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.commitments = list(commitments)
        for commitment in self.commitments:
            self.fields[f"delivered_{commitment.pk}"] = forms.DecimalField(
                label=f"{commitment.measure.name}: delivered this period "
                f"({commitment.measure.get_unit_display()})",
                min_value=0,
                required=False,
                help_text=f"You committed to {commitment.quantity:g} in all.",
            )
            self.fields[f"evidence_{commitment.pk}"] = forms.CharField(
                label=f"Evidence for {commitment.measure.name}",
                required=False,
                help_text=commitment.measure.evidence_required,
            )

    def delivered(self) -> dict:
        return {
            c.pk: (self.cleaned_data[f"delivered_{c.pk}"], self.cleaned_data[f"evidence_{c.pk}"])
            for c in self.commitments
            if self.cleaned_data.get(f"delivered_{c.pk}") is not None
        }


class ApplyingOrganisationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=None,
        label="Which organisation is applying?",
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the organisation that is applying"},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
