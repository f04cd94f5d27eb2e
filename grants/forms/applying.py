"""The applicant's forms: the core answers, which organisation is applying,
the offer, the monitoring return."""

from django import forms

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


class SubmitForm(forms.Form):
    """The check page's Submit: the version of the draft that was checked."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class InformationAnswerForm(forms.Form):
    answer = forms.CharField(label="Your answer", widget=forms.Textarea(attrs={"rows": 5}))


class AcceptOfferForm(forms.Form):
    signed_name = forms.CharField(
        label="Your full name",
        required=False,
        help_text="By typing your name you accept the offer on behalf of your organisation.",
    )


class MonitoringReturnForm(forms.Form):
    narrative = forms.CharField(
        label="What happened", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    spend_to_date = MoneyField(label="Spent so far (£)", required=False)
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


class RoundApplyForm(ApplyingOrganisationForm):
    """The same question beside each open round, in less room: a select, or a
    hidden field when the person belongs to one organisation. It posts to the
    start page, which checks it with ApplyingOrganisationForm."""

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, organisations=organisations, **kwargs)
        field = self.fields["organisation"]
        field.label = "Apply for"
        field.widget = forms.HiddenInput() if len(organisations) == 1 else forms.Select()
        field.queryset = organisations  # gives the new widget its choices
