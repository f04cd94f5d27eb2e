"""A round's application questions, configured by staff from blocks, and
the form an applicant fills in from them.

Drafts may have gaps; what is typed must still make sense (a number is a
number, a file is what it says, a word limit holds). At submission every
required answer and the budget total are checked, and every problem is
reported at once, each against its own question.
"""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from wagtail import blocks

from grants.uploads import NAMES, validate_upload


def _common():
    return [
        ("label", blocks.CharBlock(help_text="The question as the applicant sees it.")),
        ("help_text", blocks.TextBlock(required=False, help_text="Guidance under the question.")),
        ("required", blocks.BooleanBlock(required=False, default=True)),
    ]


def _struct(extra=(), icon="form"):
    return blocks.StructBlock(_common() + list(extra), icon=icon)


class QuestionsBlock(blocks.StreamBlock):
    """The question types a round can ask, in any order."""

    text = _struct([("word_limit", blocks.IntegerBlock(required=False, min_value=1))], "pilcrow")
    long_text = _struct(
        [("word_limit", blocks.IntegerBlock(required=False, min_value=1))], "doc-full"
    )
    number = _struct(
        [
            ("min_value", blocks.IntegerBlock(required=False)),
            ("max_value", blocks.IntegerBlock(required=False)),
        ],
        "order",
    )
    money = _struct(icon="pick")
    yes_no = _struct(icon="tick")
    single_choice = _struct([("choices", blocks.ListBlock(blocks.CharBlock()))], "radio-full")
    multiple_choice = _struct([("choices", blocks.ListBlock(blocks.CharBlock()))], "list-ul")
    date = _struct(icon="date")
    file = _struct(
        [
            (
                "allowed_types",
                blocks.MultipleChoiceBlock(choices=list(NAMES.items()), default=["pdf", "docx"]),
            ),
            ("max_size_mb", blocks.IntegerBlock(default=10, min_value=1, max_value=20)),
        ],
        "doc-full-inverse",
    )
    # Lines of spending that must add up to the amount asked for.
    budget_table = _struct(icon="table")

    class Meta:
        block_counts = {}


# --- the budget table ---------------------------------------------------------

MONEY = re.compile(r"^£?\s*(\d{1,3}(,\d{3})*|\d+)(\.\d{1,2})?$")


def parse_money(text: str) -> Decimal | None:
    text = (text or "").strip()
    if not MONEY.match(text):
        return None
    try:
        return Decimal(text.replace("£", "").replace(",", "").strip())
    except InvalidOperation:
        return None


class MoneyField(forms.CharField):
    """Pounds as people write them: 1250, 1,250.50 or £1,250."""

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        amount = parse_money(text)
        if amount is None:
            raise forms.ValidationError("Enter an amount in pounds, like 1250 or 1,250.50.")
        return amount


def budget_total(rows) -> Decimal:
    return sum((Decimal(str(row["amount"])) for row in rows or []), Decimal(0))


class BudgetTableWidget(forms.Widget):
    template_name = "grants/widgets/budget_table.html"
    blank_rows = 5

    def value_from_datadict(self, data, files, name):
        pattern = re.compile(rf"^{re.escape(name)}-(\d+)-(item|amount)$")
        rows: dict[int, dict] = {}
        for key in data:
            match = pattern.match(key)
            if match:
                rows.setdefault(int(match.group(1)), {})[match.group(2)] = data.get(key, "")
        return [rows[n] for n in sorted(rows)]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = [
            {"item": row.get("item", ""), "amount": str(row.get("amount", ""))}
            for row in (value or [])
            if row.get("item") or row.get("amount")
        ]
        rows += [{"item": "", "amount": ""}] * self.blank_rows
        context["widget"]["rows"] = [
            (n, row, f"{name}-{n}-item", f"{name}-{n}-amount") for n, row in enumerate(rows)
        ]
        return context


class BudgetTableField(forms.Field):
    widget = BudgetTableWidget

    def to_python(self, value):
        rows, problems = [], []
        for number, row in enumerate(value or [], start=1):
            item = (row.get("item") or "").strip()
            raw = str(row.get("amount") or "").strip()
            if not item and not raw:
                continue
            amount = parse_money(raw)
            if not item:
                problems.append(f"Row {number}: say what the £{raw} is for.")
            elif amount is None:
                problems.append(f"Row {number}: give an amount in pounds, like 250 or 250.00.")
            else:
                rows.append({"item": item, "amount": f"{amount:.2f}"})
        if problems:
            raise forms.ValidationError(problems)
        return rows


# --- building the form ----------------------------------------------------------


def _words(text: str) -> int:
    return len((text or "").split())


def _word_limit_check(limit):
    def check(value):
        if limit and _words(value) > limit:
            raise forms.ValidationError(
                f"Use {limit} words or fewer: you have used {_words(value)}."
            )

    return check


def _field_for(kind: str, spec: dict):
    common = {"label": spec["label"], "help_text": spec.get("help_text") or "", "required": False}
    if kind in ("text", "long_text"):
        widget = forms.Textarea(attrs={"rows": 6}) if kind == "long_text" else forms.TextInput
        return forms.CharField(
            widget=widget, validators=[_word_limit_check(spec.get("word_limit"))], **common
        )
    if kind == "number":
        return forms.IntegerField(
            min_value=spec.get("min_value"), max_value=spec.get("max_value"), **common
        )
    if kind == "money":
        return MoneyField(widget=forms.TextInput(attrs={"inputmode": "decimal"}), **common)
    if kind == "yes_no":
        return forms.TypedChoiceField(
            choices=[("yes", "Yes"), ("no", "No")],
            coerce=lambda v: v == "yes",
            empty_value=None,
            widget=forms.RadioSelect,
            **common,
        )
    if kind in ("single_choice", "multiple_choice"):
        choices = [(c, c) for c in spec.get("choices") or []]
        if kind == "single_choice":
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == "date":
        return forms.DateField(
            input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d %m %Y"],
            **{**common, "help_text": common["help_text"] or "For example 27/3/2027"},
        )
    if kind == "file":
        allowed, limit = list(spec.get("allowed_types") or ["pdf"]), spec.get("max_size_mb") or 10
        hint = f"{', '.join('.' + t for t in allowed)}; up to {limit} MB."
        return forms.FileField(
            validators=[lambda f: validate_upload(f, allowed_types=allowed, max_size_mb=limit)],
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


class ApplicationQuestionsForm(forms.Form):
    def __init__(self, *args, questions=(), existing_files=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.existing_files = existing_files or {}
        for block in self.questions:
            field = _field_for(block.block_type, block.value)
            field.question_required = bool(block.value.get("required"))
            field.hide_optional = True
            if block.block_type == "file" and str(block.id) in self.existing_files:
                field.help_text += f" Uploaded: {self.existing_files[str(block.id)]}."
            self.fields[f"q_{block.id}"] = field

    def answers(self) -> dict:
        answers = {}
        for block in self.questions:
            if block.block_type == "file":
                continue
            value = self.cleaned_data.get(f"q_{block.id}")
            if value in (None, "", []):
                continue
            if isinstance(value, Decimal):
                value = f"{value:.2f}"
            elif isinstance(value, date):
                value = value.isoformat()
            answers[str(block.id)] = value
        return answers

    def uploaded_files(self) -> dict:
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
    initial_values = {
        f"q_{block.id}": _initial(block.block_type, (initial or {}).get(str(block.id)))
        for block in questions
    }
    return ApplicationQuestionsForm(
        data, files, questions=questions, initial=initial_values, existing_files=existing_files
    )


# --- at submission ----------------------------------------------------------------


def _money(value: Decimal) -> str:
    return f"£{value:,.2f}"


def submission_problems(questions, answers, *, files_present, amount_requested) -> dict:
    """Every problem that stops a submission, keyed by the question's field."""
    problems = {}
    for block in questions:
        key, kind, spec = str(block.id), block.block_type, block.value
        answer = answers.get(key)
        field = f"q_{key}"
        if kind == "file":
            if spec.get("required") and key not in files_present:
                problems[field] = f"Upload {spec['label'][0].lower()}{spec['label'][1:]}."
            continue
        if spec.get("required") and answer in (None, "", []):
            problems[field] = f"Answer this question: {spec['label']}"
            continue
        limit = spec.get("word_limit")
        if kind in ("text", "long_text") and limit and _words(answer) > limit:
            problems[field] = f"Use {limit} words or fewer: you have used {_words(answer)}."
        if kind == "budget_table" and answer:
            if amount_requested is None:
                problems[field] = "Enter the amount you are asking for, then check your budget."
            elif budget_total(answer) != amount_requested:
                problems[field] = (
                    f"Your budget adds up to {_money(budget_total(answer))}; it must equal the "
                    f"{_money(Decimal(amount_requested))} you are asking for."
                )
    return problems


def answers_for_display(questions, answers, *, files=None) -> list[tuple[str, str]]:
    shown = []
    for block in questions:
        key, kind, label = str(block.id), block.block_type, block.value["label"]
        answer = (answers or {}).get(key)
        if kind == "file":
            value = (files or {}).get(key, "Not uploaded")
        elif answer in (None, "", []):
            value = "Not answered"
        elif kind == "yes_no":
            value = "Yes" if answer else "No"
        elif kind == "multiple_choice":
            value = ", ".join(answer)
        elif kind == "money":
            value = _money(Decimal(answer))
        elif kind == "date":
            value = date.fromisoformat(answer).strftime("%-d %B %Y")
        elif kind == "budget_table":
            lines = [f"{row['item']}: {_money(Decimal(row['amount']))}" for row in answer]
            value = "; ".join(lines) + f". Total {_money(budget_total(answer))}"
        else:
            value = str(answer)
        shown.append((label, value))
    return shown
