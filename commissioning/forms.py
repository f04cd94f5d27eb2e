"""The forms commissioners and bidders fill in. Each checks what a person
typed; the services keep the business rules (two options at least, a
reason before cancelling…) and their errors are put back on these fields.

Pages that show one form per lot, bid or clarification give each its own
`auto_id`, so ids stay unique while the posted names stay the same.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from commissioning.models import Option, TenderState
from organisations.models import Organisation


def errors_onto(form: forms.Form, error: ValidationError, field_for=None) -> None:
    """Put a service's problems next to the fields they are about, the rest
    at the top; `field_for` turns a service's key into the form's name."""
    problems = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for key, messages in problems.items():
        field = field_for(key) if field_for and key else key
        form.add_error(field if field in form.fields else None, messages)


def _text(label, message, rows=2, **kwargs) -> forms.CharField:
    """A required textarea, saying what to write when left empty."""
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message},
        **kwargs,
    )


class PipelineFilterForm(forms.Form):
    state = forms.ChoiceField(
        label="Stage",
        choices=[("", "Any"), *TenderState.choices],
        required=False,
        error_messages={"invalid_choice": "Select a stage from the list."},
    )
    state.hide_optional = True


class ExpressionOfInterestForm(forms.Form):
    """Community Right to Challenge: an organisation's interest, as told to us."""

    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.order_by("name"),
        empty_label="Choose",
        error_messages={
            "required": "Select the organisation.",
            "invalid_choice": "Select an organisation from the list.",
        },
    )
    summary = _text("What they propose", "Summarise what the organisation proposes.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "eoi-%s")
        super().__init__(*args, **kwargs)


class AppraisalForm(forms.Form):
    """The options appraisal recorded before any tender."""

    assets_considered = _text(
        "Community assets already there",
        "Say which community assets are already there.",
        rows=3,
        help_text="Groups, services, buildings and people in these neighbourhoods.",
    )
    community_answer = _text(
        "Could a community organisation do this better, or with us?",
        "Answer the question: could a community organisation do this better, or with us?",
        rows=3,
    )
    options_considered = forms.MultipleChoiceField(
        label="Options considered",
        choices=Option.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select at least two.",
        error_messages={"required": "Consider at least two of the options."},
    )
    chosen = forms.ChoiceField(
        label="Chosen",
        choices=[("", "Choose"), *Option.choices],
        error_messages={"required": "Choose one of the options you considered."},
    )
    reason = _text("Why", "Give the reason for the choice.", rows=3)

    @classmethod
    def initial_from(cls, appraisal) -> dict:
        """The recorded appraisal, to update it; nothing when there is none."""
        if appraisal is None:
            return {}
        return {name: getattr(appraisal, name) for name in cls.base_fields}


class IntendedAwardForm(forms.Form):
    """One reason per lot, posted as `reason-<lot pk>`."""

    def __init__(self, *args, lots, **kwargs):
        super().__init__(*args, **kwargs)
        for lot in lots:
            self.fields[f"reason-{lot.pk}"] = _text(
                f"Reason for {lot}", f"Give the reason for the award of {lot}."
            )

    def reasons(self) -> dict[int, str]:
        return {
            int(name.removeprefix("reason-")): value for name, value in self.cleaned_data.items()
        }

    def field_for(self, key: str) -> str | None:
        """The field a service error keyed `lot-<pk>` belongs to."""
        name = f"reason-{key.removeprefix('lot-')}"
        return name if name in self.fields else None


class PauseForm(forms.Form):
    reason = _text("Pause for a challenge: reason", "Give the reason for pausing the standstill.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="pause-%s", **kwargs)


class CancelForm(forms.Form):
    reason = _text("Reason (published)", "Give the reason: it is published.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="cancel-%s", **kwargs)


class ApprovalForm(forms.Form):
    reason = _text(
        "Why you approve it (recorded in the timeline)", "Give the reason for approving."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="approve-%s", **kwargs)


class SendBackForm(forms.Form):
    reason = _text("What needs to change", "Say what needs to change before approval.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="send-back-%s", **kwargs)


class ComplianceForm(forms.Form):
    """The compliance check of one opened bid; the reason is needed only
    when it is not compliant, which the service checks."""

    reason = forms.CharField(required=False)
    reason.hide_optional = True
    # Posted by the button pressed, "Compliant" or "Not compliant".
    compliant = forms.TypedChoiceField(
        choices=[("yes", "Compliant"), ("no", "Not compliant")], coerce=lambda value: value == "yes"
    )

    def __init__(self, *args, bid, **kwargs):
        super().__init__(*args, auto_id=f"why-{bid.pk}-%s", **kwargs)
        self.fields["reason"].label = format_html(
            'Reason<span class="govuk-visually-hidden"> for the compliance decision on {}</span>',
            bid.reference,
        )

    def clean(self):
        # The buttons are not a field to link to: say it at the top.
        if "compliant" in self._errors:
            del self._errors["compliant"]
            raise forms.ValidationError("Choose Compliant or Not compliant.")
        return super().clean()


class ClarificationPublishForm(forms.Form):
    published_question = _text(
        "Question as published (without who asked)", "Write the question as it will be published."
    )
    answer = _text("Answer", "Write the answer.")

    def __init__(self, *args, clarification, **kwargs):
        super().__init__(*args, auto_id=f"clarification-{clarification.pk}-%s", **kwargs)


class ActingForForm(forms.Form):
    """Who a bidder acts for: one of their organisations. With only one it
    travels hidden; a choice is offered only when there is one to make."""

    organisation = forms.ModelChoiceField(
        label="Bid for",
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Select the organisation you act for.",
            "invalid_choice": "Select one of your organisations.",
        },
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = organisations
        if len(organisations) <= 1:
            field.widget = forms.HiddenInput()
            field.initial = organisations[0].pk if organisations else None

    def clean(self):
        # A hidden field cannot be corrected by the person: say it at the top.
        if self.fields["organisation"].widget.is_hidden and "organisation" in self._errors:
            del self._errors["organisation"]
            raise forms.ValidationError("You can act only for an organisation you belong to.")
        return super().clean()


class BidStartForm(ActingForForm):
    def __init__(self, *args, lot, **kwargs):
        super().__init__(*args, auto_id=f"lot-{lot.pk}-%s", **kwargs)


class InterestForm(ActingForForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="interest-%s", **kwargs)
        self.fields["organisation"].label = "Register interest for"


class ClarificationAskForm(ActingForForm):
    question = _text(
        "Ask a question",
        "Write your question.",
        rows=3,
        help_text="Answers are published to every interested bidder without saying who asked.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="ask-%s", **kwargs)
        self.fields["organisation"].label = "Ask on behalf of"


class VersionField(forms.IntegerField):
    """The version of a bid the form was opened at. A missing or garbled
    one counts as 0, which the service refuses as stale with its own
    message, rather than the page blaming a field no one can see."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        try:
            return super().to_python(value) or 0
        except forms.ValidationError:
            return 0
