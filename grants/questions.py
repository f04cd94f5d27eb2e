"""A round's application questions, configured by staff from blocks, and
the form an applicant fills in from them.

Drafts may have gaps; what is typed must still make sense (a number is a
number, a file is what it says, a word limit holds). At submission every
required answer and the budget total are checked, and every problem is
reported at once, each against its own question.

Tenders ask their questions with the same blocks (commissioning), so the
wording here speaks to "you", never of grants in particular.
"""

import re
from datetime import date
from decimal import Decimal

from django import forms
from django.utils.html import escape
from wagtail import blocks

from grants.uploads import ALLOWED_TYPES, accept_attribute, describe, validate_upload

# --- the blocks staff build questions from --------------------------------------
# These definitions are recorded in the grants and commissioning migrations:
# changing a label, help text, icon or choice needs `makemigrations` for both.


def _common():
    return [
        ("label", blocks.CharBlock(help_text="The question as the applicant sees it.")),
        ("help_text", blocks.TextBlock(required=False, help_text="Guidance under the question.")),
        # A required question may still be blank in a draft; only submission
        # insists on it.
        ("required", blocks.BooleanBlock(required=False, default=True)),
    ]


def _struct(extra=(), icon="form"):
    return blocks.StructBlock(_common() + list(extra), icon=icon)


def _word_limit():
    return ("word_limit", blocks.IntegerBlock(required=False, min_value=1))


_FILE_TYPES = blocks.MultipleChoiceBlock(
    choices=[(ext, kind.name) for ext, kind in ALLOWED_TYPES.items()], default=["pdf", "docx"]
)


class QuestionsBlock(blocks.StreamBlock):
    """The question types a round can ask, in any order.

    Each answer is stored under its block's id, so staff may reword or
    reorder questions without losing what applicants have already written.
    """

    # A word limit holds even in drafts, so nobody finds out at the end.
    text = _struct([_word_limit()], "pilcrow")
    long_text = _struct([_word_limit()], "doc-full")
    # A whole number, within the limits given.
    number = _struct(
        [
            ("min_value", blocks.IntegerBlock(required=False)),
            ("max_value", blocks.IntegerBlock(required=False)),
        ],
        "order",
    )
    # Pounds and pence, never negative.
    money = _struct(icon="decimal")
    yes_no = _struct(icon="circle-check")
    single_choice = _struct([("choices", blocks.ListBlock(blocks.CharBlock()))], "radio-full")
    multiple_choice = _struct([("choices", blocks.ListBlock(blocks.CharBlock()))], "list-ul")
    date = _struct(icon="date")
    # Checked by content, not only by name (grants.uploads); 20 MB at most.
    file = _struct(
        [
            ("allowed_types", _FILE_TYPES),
            ("max_size_mb", blocks.IntegerBlock(default=10, min_value=1, max_value=20)),
        ],
        "doc-full-inverse",
    )
    # Lines of spending that must add up exactly to the amount asked for.
    budget_table = _struct(icon="table")


# --- money ------------------------------------------------------------------------

MONEY = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$", re.ASCII)
# As DecimalField(max_digits=12, decimal_places=2): ten figures of pounds.
MONEY_LIMIT = Decimal("10000000000")
TOO_LARGE = "Check this amount: it is too large to be right."


def parse_money(text) -> Decimal | None:
    """Pounds as people write them: 1250, 1250.5, 1,250.50 or £1,250.

    None for anything else, including negative amounts and fractions of a penny.
    """
    text = str(text or "").strip().removeprefix("£").strip()
    if not MONEY.match(text):
        return None
    return Decimal(text.replace(",", ""))


def format_money(value) -> str:
    return f"£{Decimal(value):,.2f}"


class MoneyField(forms.DecimalField):
    """A DecimalField (12 digits, 2 places, at least 0) that also accepts £
    and thousands commas, as treasurers type them. A text input, because a
    number input refuses "1,250"."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})
    default_error_messages = {
        "invalid": "Enter an amount in pounds, like 1250 or 1,250.50.",
        "max_digits": TOO_LARGE,
        "max_whole_digits": TOO_LARGE,
        "min_value": "Enter an amount of £0 or more.",
    }

    def __init__(self, *, max_digits=12, decimal_places=2, min_value=0, **kwargs):
        super().__init__(
            max_digits=max_digits, decimal_places=decimal_places, min_value=min_value, **kwargs
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        amount = parse_money(value)
        if amount is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return amount


# --- the budget table ---------------------------------------------------------------


def budget_total(rows) -> Decimal:
    """The sum of a stored budget: a list of {"item": …, "amount": "12.50"}."""
    return sum((Decimal(str(row["amount"])) for row in rows or []), Decimal(0))


def _blank(row) -> bool:
    return not (str(row.get("item") or "").strip() or str(row.get("amount") or "").strip())


class BudgetTableWidget(forms.Widget):
    """Rows of inputs posted as `<name>-<n>-item` and `<name>-<n>-amount`,
    n counting from 0; row n is shown, and named in messages, as "Row n+1"."""

    template_name = "grants/widgets/budget_table.html"
    # Enough for most small projects; saving a draft always brings this many
    # more, so nobody runs out of rows.
    blank_rows = 5
    caption = "Budget"

    def value_from_datadict(self, data, files, name):
        pattern = re.compile(rf"^{re.escape(name)}-(\d+)-(item|amount)$")
        rows: dict[int, dict] = {}
        for key in data:
            match = pattern.match(key)
            if match:
                rows.setdefault(int(match.group(1)), {})[match.group(2)] = data.get(key, "")
        return [rows[n] for n in sorted(rows)]

    def id_for_label(self, id_):
        # The question's label leads to the first box, so the error summary's
        # link lands where the applicant can type.
        return f"{id_}-0-item" if id_ else id_

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = [
            {"item": str(row.get("item") or ""), "amount": str(row.get("amount") or "")}
            for row in (value if isinstance(value, list) else [])
        ]
        # Rows keep their places (only trailing blanks go), so "Row 3" in a
        # message is still the third row when the page comes back.
        while rows and _blank(rows[-1]):
            rows.pop()
        filled = [row for row in rows if not _blank(row)]
        amounts = [parse_money(row["amount"]) for row in filled]
        complete = filled and all(row["item"].strip() for row in filled) and None not in amounts
        rows += [{"item": "", "amount": ""} for _ in range(self.blank_rows)]
        context["widget"].update(
            rows=rows,
            caption=self.caption,
            blank_rows=self.blank_rows,
            total=format_money(sum(amounts, Decimal(0))) if complete else None,
        )
        return context


class BudgetTableField(forms.Field):
    """Cleans to [{"item": "Hall hire", "amount": "250.00"}, …]; blank rows are
    ignored, and every half-filled row is reported, by number, at once."""

    widget = BudgetTableWidget

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.caption = self.label or BudgetTableWidget.caption

    def to_python(self, value):
        rows, problems = [], []
        for number, row in enumerate(value or [], start=1):
            if _blank(row):
                continue
            item = str(row.get("item") or "").strip()
            amount = parse_money(row.get("amount"))
            if amount is not None and amount >= MONEY_LIMIT:
                problems.append(f"Row {number}: check this amount; it is too large to be right.")
            elif not item and amount is not None:
                problems.append(f"Row {number}: say what the {format_money(amount)} is for.")
            elif not item:
                problems.append(
                    f"Row {number}: say what this line is for, and give an amount in pounds, "
                    "like 250 or 250.00."
                )
            elif amount is None:
                problems.append(f"Row {number}: give an amount in pounds, like 250 or 250.00.")
            else:
                rows.append({"item": item, "amount": f"{amount:.2f}"})
        if problems:
            raise forms.ValidationError(problems)
        return rows


# --- building the form ------------------------------------------------------------------


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
        return forms.DateField(
            input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d %m %Y"],
            # Shown back as it is asked for, whatever the site's locale.
            widget=forms.DateInput(format="%d/%m/%Y"),
            error_messages={"invalid": "Enter a real date, like 27/03/2027."},
            **{**common, "help_text": common["help_text"] or "For example 27/3/2027"},
        )
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


# --- at submission -----------------------------------------------------------------------


def _upload_prompt(label: str) -> str:
    # "Upload your latest accounts", but "Upload CIC certificate" keeps its capitals.
    if label.split(" ", 1)[0][1:2].islower():
        label = label[0].lower() + label[1:]
    return f"Upload {label.rstrip('.?:')}."


def submission_problems(
    questions, answers, *, files_present: set[str], amount_requested
) -> dict[str, str]:
    """Every problem that stops a submission, keyed by the question's field
    (`q_<block id>`), so each is shown next to its question. No database."""
    problems = {}
    for block in questions:
        key, kind, spec = str(block.id), block.block_type, block.value
        answer = (answers or {}).get(key)
        field = f"q_{key}"
        if kind == "file":
            if spec.get("required") and key not in files_present:
                problems[field] = _upload_prompt(spec["label"])
            continue
        if answer in (None, "", []):
            if spec.get("required"):
                problems[field] = f"Answer this question: {spec['label']}"
            continue
        if kind in ("text", "long_text") and word_limit_problem(spec.get("word_limit"), answer):
            problems[field] = word_limit_problem(spec["word_limit"], answer)
        if kind == "budget_table":
            if amount_requested is None:
                problems[field] = "Enter the amount you are asking for, then check your budget."
            elif budget_total(answer) != Decimal(str(amount_requested)):
                problems[field] = (
                    f"Your budget adds up to {format_money(budget_total(answer))}; it must "
                    f"equal the {format_money(amount_requested)} you are asking for."
                )
    return problems


def answers_for_display(questions, answers, *, files=None) -> list[tuple[str, str]]:
    """(label, answer in words) for every question, for officers and panels."""
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
            value = format_money(answer)
        elif kind == "date":
            day = date.fromisoformat(answer)
            value = f"{day.day} {day:%B %Y}"
        elif kind == "budget_table":
            lines = [f"{row['item']}: {format_money(row['amount'])}" for row in answer]
            value = "; ".join(lines) + f". Total {format_money(budget_total(answer))}"
        else:
            value = str(answer)
        shown.append((label, value))
    return shown
