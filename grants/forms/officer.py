"""The grants officer's forms: reasons and questions, the offer, payments,
the application list's filters and decisions in batches."""

import re

from django import forms
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT, ManagementForm
from django.utils.functional import cached_property
from django.utils.html import format_html

from foundation.widgets import DateField
from grants.models import Application, State
from grants.questions import MoneyField
from grants.services.assessment import Decision
from neighbourhoods.models import Neighbourhood


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class InformationRequestForm(forms.Form):
    question = forms.CharField(
        label="Your question for the applicant", widget=forms.Textarea(attrs={"rows": 3})
    )


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


class PaymentForm(forms.Form):
    """Recording one instalment as paid; the page holds one per unpaid payment."""

    paid_on = DateField(
        label="Paid on",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the date the payment was made"},
    )
    reference = forms.CharField(
        label="Payment reference",
        error_messages={"required": "Enter the payment reference"},
    )

    def __init__(self, *args, payment=None, **kwargs):
        self.payment = payment
        super().__init__(*args, **kwargs)


class SearchInput(forms.TextInput):
    input_type = "search"


class ApplicationFilterForm(forms.Form):
    """The officer's filters over a round's applications, sent by GET."""

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        help_text="Reference, project or organisation",
        widget=SearchInput,
    )
    state = forms.ChoiceField(
        label="Stage",
        required=False,
        choices=[("", "Any"), *State.choices],
        widget=forms.Select(attrs={"class": "govuk-!-width-full"}),
        error_messages={"invalid_choice": "Select a stage from the list"},
    )
    neighbourhood = forms.ModelChoiceField(
        label="Neighbourhood",
        required=False,
        queryset=Neighbourhood.objects.order_by("name"),
        to_field_name="slug",
        empty_label="Any",
        widget=forms.Select(attrs={"class": "govuk-!-width-full"}),
        error_messages={"invalid_choice": "Select a neighbourhood from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.hide_optional = True  # every filter is optional: no need to say so

    def filters(self) -> dict:
        """The filters that are sound, for the selector; a refused one is left out."""
        data = self.cleaned_data
        neighbourhood = data.get("neighbourhood")
        return {
            "search": (data.get("q") or "").strip(),
            "state": data.get("state") or "",
            "neighbourhood": neighbourhood.slug if neighbourhood else "",
        }


def _for(reference: str, label: str) -> str:
    """A row's label: the words shown, and the application it is for read out."""
    return format_html('{}<span class="govuk-visually-hidden"> for {}</span>', label, reference)


class DecisionForm(forms.Form):
    """One application's row on the decisions page. A row left at "Not yet"
    is not decided. The service checks the budget and the round's largest
    grant for the batch as a whole."""

    outcome = forms.ChoiceField(required=False)
    amount = MoneyField(required=False)
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The applicant sees it.",
    )

    def __init__(self, *args, application: Application, **kwargs):
        self.application = application
        super().__init__(*args, **kwargs)
        reference = application.reference
        outcomes = [("", "Not yet"), ("approve", "Approve"), ("decline", "Decline")]
        if application.state == State.PANEL:
            outcomes.append(("waitlist", "Waiting list"))
        self.fields["outcome"].choices = outcomes
        self.fields["outcome"].label = _for(reference, "Decision")
        self.fields["outcome"].error_messages["invalid_choice"] = (
            f"{reference}: choose a decision from the list."
        )
        amount = self.fields["amount"]
        amount.label = _for(reference, "Amount (£)")
        amount.initial = application.amount_requested
        not_money = f"{reference}: enter the amount in pounds, like 4500 or 4,500.00."
        amount.error_messages.update(
            invalid=not_money,
            min_value=not_money,
            max_decimal_places=not_money,
            max_digits=f"{reference}: check the amount; it is too large to be right.",
            max_whole_digits=f"{reference}: check the amount; it is too large to be right.",
        )
        self.fields["reason"].label = _for(reference, "Reason")
        for field in self.fields.values():
            field.hide_optional = True

    def add_prefix(self, field_name):
        # Fields are named by application (outcome-12), not by place in the
        # list: the ranking can change between showing the page and sending
        # it, and a decision must never land on another application.
        return f"{field_name}-{self.application.pk}"

    def clean(self):
        data = super().clean()
        reference = self.application.reference
        outcome, amount, reason = data.get("outcome"), data.get("amount"), data.get("reason", "")
        if not outcome and reason.strip():
            self.add_error("outcome", f"{reference}: choose the decision, or clear its reason.")
        if outcome and not reason.strip():
            self.add_error("reason", f"{reference}: give the reason for the decision.")
        if outcome == "approve" and "amount" not in self.errors and not amount:
            self.add_error("amount", f"{reference}: enter the amount to award.")
        return data

    def decision(self) -> Decision | None:
        if not self.cleaned_data.get("outcome"):
            return None
        return Decision(
            application_id=self.application.pk,
            outcome=self.cleaned_data["outcome"],
            reason=self.cleaned_data["reason"],
            amount=self.cleaned_data["amount"],
        )


class BaseDecisionFormSet(forms.BaseFormSet):
    """A row per application waiting for a decision. The rows are the
    applications read afresh on each request, never a count sent by the
    page, so no management form is posted."""

    def __init__(self, *args, applications, round_=None, **kwargs):
        self.applications = list(applications)
        self.round = round_
        super().__init__(*args, **kwargs)

    def clean(self):
        """A decision sent for an application that another officer decided
        after this page was read is refused by name, with the rest kept:
        batches are all or nothing, and nothing is decided twice."""
        if not self.is_bound or self.round is None:
            return
        waiting = {application.pk for application in self.applications}
        sent = {
            int(match[1])
            for key, value in self.data.items()
            if (match := re.fullmatch(r"outcome-(\d+)", key)) and value
        }
        decided = Application.objects.filter(round=self.round, pk__in=sent - waiting)
        if decided:
            raise forms.ValidationError(
                [
                    f"{application.reference} already has a decision: "
                    f"{application.get_state_display().lower()}. Yours was not recorded."
                    for application in decided.order_by("reference")
                ]
            )

    def total_form_count(self):
        return len(self.applications)

    def initial_form_count(self):
        return len(self.applications)

    @cached_property
    def management_form(self):
        count = len(self.applications)
        return ManagementForm(
            {
                self.add_prefix(TOTAL_FORM_COUNT): count,
                self.add_prefix(INITIAL_FORM_COUNT): count,
            },
            prefix=self.prefix,
            renderer=self.renderer,
        )

    def get_form_kwargs(self, index):
        return {"application": self.applications[index]}

    def decisions(self) -> list[Decision]:
        return [d for form in self.forms if (d := form.decision()) is not None]

    def refusals_add(self, error) -> None:
        """Put the service's refusals beside their rows: a row's on its amount
        when approving (the largest grant), otherwise on its decision; the
        budget's on the batch."""
        rows = {f"decision-{form.application.pk}": form for form in self.forms}
        if not hasattr(error, "error_dict"):  # a refusal of the batch as a whole
            self._non_form_errors.extend(error.messages)
            return
        for key, problems in error.message_dict.items():
            form = rows.get(key)
            if form is None:
                self._non_form_errors.extend(problems)
            else:
                approving = form.cleaned_data.get("outcome") == "approve"
                form.add_error("amount" if approving else "outcome", problems)


DecisionFormSet = forms.formset_factory(DecisionForm, formset=BaseDecisionFormSet, extra=0)
