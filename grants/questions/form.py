"""The form an applicant or bidder fills in, built from the questions.

Drafts may have gaps; what is typed must still make sense (a number is a
number, a file is what it says, a word limit holds)."""

from datetime import date
from decimal import Decimal

from django import forms
from django.utils.html import escape

from foundation.money import MoneyField
from foundation.widgets import DateField
from grants.questions.money import BudgetTableField
from grants.uploads import accept_attribute, describe, validate_upload


def count_words(text) -> int:
    return len(str(text or "").split())


def word_limit_problem(limit, text) -> str | None:
    if limit and count_words(text) > limit:
        return f"Use {limit} words or fewer: you have used {count_words(text)}."
    return None


def _word_limit_check(limit):
    def check(value):
        if problem := word_limit_problem(limit, value):
            raise forms.ValidationError(problem)

    return check


CHOICE_MESSAGES = {"invalid_choice": "Choose from the options shown."}


def _field_for(kind: str, spec) -> forms.Field:
    common = {"label": spec["label"], "help_text": spec.get("help_text") or "", "required": False}
    if kind in ("text", "long_text"):
        widget = forms.Textarea(attrs={"rows": 6}) if kind == "long_text" else forms.TextInput
        return forms.CharField(
            widget=widget, validators=[_word_limit_check(spec.get("word_limit"))], **common
        )
    if kind == "number":
        return forms.IntegerField(
            min_value=spec.get("min_value"),
            max_value=spec.get("max_value"),
            error_messages={
                "invalid": "Enter a whole number, like 12.",
                "min_value": "Enter a number of %(limit_value)s or more.",
                "max_value": "Enter a number of %(limit_value)s or less.",
            },
            **common,
        )
    if kind == "money":
        return MoneyField(**common)
    if kind == "yes_no":
        return forms.TypedChoiceField(
            choices=[("yes", "Yes"), ("no", "No")],
            coerce=lambda v: v == "yes",
            empty_value=None,
            widget=forms.RadioSelect,
            error_messages=CHOICE_MESSAGES,
            **common,
        )
    if kind in ("single_choice", "multiple_choice"):
        choices = [(c, c) for c in spec.get("choices") or []]
        if kind == "single_choice":
            return forms.ChoiceField(
                choices=choices, widget=forms.RadioSelect, error_messages=CHOICE_MESSAGES, **common
            )
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages=CHOICE_MESSAGES,
            **common,
        )
    if kind == "date":
        field = DateField(
            **{**common, "help_text": common["help_text"] or "For example, 27 3 2027"}
        )
        field.error_messages["invalid"] = "Enter a real date, for example 27 3 2027."
        return field
    if kind == "file":
        allowed = list(spec.get("allowed_types") or ["pdf", "docx"])
        limit = spec.get("max_size_mb") or 10
        hint = f"Upload {describe(allowed)}, up to {limit} MB."
        return forms.FileField(
            widget=forms.FileInput(attrs={"accept": accept_attribute(allowed)}),
            validators=[lambda f: validate_upload(f, allowed_types=allowed, max_size_mb=limit)],
            # Django's own check for an empty file runs first: same words as ours.
            error_messages={
                "empty": "This file is empty. Check you chose the right file, then upload it again."
            },
            **{**common, "help_text": f"{common['help_text']} {hint}".strip()},
        )
    if kind == "budget_table":
        return BudgetTableField(**common)
    raise ValueError(f"Unknown question type {kind}")


def _initial(kind, value):
    if value is None:
        return None
    if kind == "yes_no":
        return "yes" if value else "no"
    if kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _stored(value):
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return value


class ApplicationQuestionsForm(forms.Form):
    """One field `q_<block id>` per question, none required (see module doc).

    Each field carries `question_required`, for templates that mark required
    questions; optional ones are labelled "(optional)" by the shared include.
    """

    def __init__(self, *args, questions=(), existing_files=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.existing_files = existing_files or {}
        for block in self.questions:
            field = _field_for(block.block_type, block.value)
            field.question_required = bool(block.value.get("required"))
            field.hide_optional = field.question_required
            field.existing_file = None
            if block.block_type == "file" and str(block.id) in self.existing_files:
                field.existing_file = self.existing_files[str(block.id)]
                # Help text is shown unescaped; the name is the applicant's own.
                field.help_text += (
                    f" Uploaded: {escape(field.existing_file)}. To replace it, choose another file."
                )
            self.fields[f"q_{block.id}"] = field

    def answers(self) -> dict:
        """Cleaned answers to store as JSON, by block id; blanks left out, files apart."""
        answers = {}
        for block in self.questions:
            value = self.cleaned_data.get(f"q_{block.id}")
            if block.block_type != "file" and value not in (None, "", []):
                answers[str(block.id)] = _stored(value)
        return answers

    def uploaded_files(self) -> dict:
        """New uploads by block id; a question left empty keeps its earlier file."""
        return {
            str(block.id): self.cleaned_data[f"q_{block.id}"]
            for block in self.questions
            if block.block_type == "file" and self.cleaned_data.get(f"q_{block.id}")
        }

    def rows(self):
        for block in self.questions:
            yield block, self[f"q_{block.id}"]


def build_application_form(
    questions, *, data=None, files=None, initial=None, existing_files=None
) -> ApplicationQuestionsForm:
    """The form for `questions`, filled from a post or from `initial` (stored
    answers, as `answers()` returns them)."""
    initial_values = {
        f"q_{block.id}": _initial(block.block_type, (initial or {}).get(str(block.id)))
        for block in questions
    }
    return ApplicationQuestionsForm(
        data, files, questions=questions, initial=initial_values, existing_files=existing_files
    )
