"""The forms of monitoring and of answering an instrument."""

from django import forms

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
