"""The forms of monitoring and of answering an instrument."""

from django import forms

from foundation.money import MoneyField
from foundation.widgets import DateField
from outcomes.models import Frequency, Instrument, QuestionKind


class InstrumentAnswersForm(forms.Form):
    """One field per question of the instrument, `question_<id>`, each
    required: a half-answered set would skew every mean it joined."""

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.questions = list(instrument.questions.all())
        for question in self.questions:
            common = {"label": question.wording, "help_text": question.help_text}
            if question.kind == QuestionKind.SCALE:
                field = forms.TypedChoiceField(
                    choices=[(lv["score"], lv["words"]) for lv in question.level_list()],
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": f"Choose an answer: {question.wording}",
                        "invalid_choice": "Choose one of the answers shown.",
                    },
                    **common,
                )
            else:
                limit = question.largest_count
                field = forms.IntegerField(
                    min_value=0,
                    max_value=limit,
                    error_messages={
                        "required": f"Enter a number, or 0: {question.wording}",
                        "invalid": "Enter a whole number, like 3.",
                        "min_value": "Enter 0 or more.",
                        "max_value": "Enter %(limit_value)s or less.",
                    },
                    **common,
                )
            self.fields[f"question_{question.pk}"] = field

    def scores(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"question_{q.pk}"] for q in self.questions}


class ScheduleForm(forms.Form):
    every_months = forms.TypedChoiceField(
        label="How often does this grant send a monitoring return?",
        choices=Frequency.choices,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="Returns already sent stay as they are. The last return is due "
        "the day the grant ends.",
        error_messages={
            "required": "Choose how often this grant sends a return.",
            "invalid_choice": "Choose one of the options shown.",
        },
    )


class ContractReturnDueForm(forms.Form):
    due_on = DateField(
        label="When is the return due?",
        help_text="For example, 30 6 2027",
        error_messages={"required": "Enter the date the return is due."},
    )


class ContractReturnForm(forms.Form):
    """A contract return's standard parts. Nothing is required here: the
    service names every missing part at once, beside the contract's own
    questions (as a grant's return does)."""

    narrative = forms.CharField(
        label="What happened", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    spend_to_date = MoneyField(label="Spent so far (£)", max_digits=14, required=False)

    def __init__(self, *args, indicators=(), commitments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators, self.commitments = list(indicators), list(commitments)
        for indicator in self.indicators:
            self.fields[f"achieved_{indicator.pk}"] = forms.DecimalField(
                label=f"{indicator.measure}: achieved this period ({indicator.unit})",
                help_text=f"The contract's target is {indicator.target.normalize():f} "
                f"{indicator.unit}.",
                min_value=0,
                max_digits=12,
                decimal_places=2,
                required=False,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                error_messages={
                    "invalid": "Enter a number, like 40",
                    "min_value": "Enter 0 or more.",
                },
            )
        for commitment in self.commitments:
            self.fields[f"delivered_{commitment.pk}"] = forms.DecimalField(
                label=f"{commitment.measure.name}: delivered this period "
                f"({commitment.measure.get_unit_display()})",
                help_text=f"You committed to {commitment.quantity:g} in all. "
                "Leave empty if none this period.",
                min_value=0,
                max_digits=14,
                decimal_places=2,
                required=False,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                error_messages={
                    "invalid": "Enter a number, like 40",
                    "min_value": "Enter 0 or more.",
                },
            )
            self.fields[f"evidence_{commitment.pk}"] = forms.CharField(
                label=f"Evidence for {commitment.measure.name}",
                required=False,
                help_text=commitment.measure.evidence_required,
            )

    def achieved(self) -> dict:
        return {i.pk: self.cleaned_data.get(f"achieved_{i.pk}") for i in self.indicators}

    def delivered(self) -> dict:
        return {
            c.pk: (self.cleaned_data[f"delivered_{c.pk}"], self.cleaned_data[f"evidence_{c.pk}"])
            for c in self.commitments
            if self.cleaned_data.get(f"delivered_{c.pk}") is not None
        }
