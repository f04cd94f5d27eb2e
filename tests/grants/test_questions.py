"""A round's questions as applicants meet them: rendered, cleaned, stored,
checked at submission and shown to officers."""

import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string

from grants.questions import (
    QuestionsBlock,
    answers_for_display,
    budget_total,
    build_application_form,
    submission_problems,
)
from tests.forms import date_typed

KINDS = [
    "text",
    "long_text",
    "number",
    "money",
    "yes_no",
    "single_choice",
    "multiple_choice",
    "date",
    "file",
    "budget_table",
]
IDS = {kind: f"5e0c7a52-0000-4000-8000-{n:012d}" for n, kind in enumerate(KINDS, start=1)}
LABELS = {
    "text": "Project name",
    "long_text": "What will you do?",
    "number": "How many people will take part?",
    "money": "Your match funding",
    "yes_no": "Do you work with children?",
    "single_choice": "Main theme",
    "multiple_choice": "When do you meet?",
    "date": "Start date",
    "file": "Your latest accounts",
    "budget_table": "Your budget",
}
EXTRA = {
    "text": {"word_limit": 5},
    "number": {"min_value": 1, "max_value": 500},
    "single_choice": {"choices": ["Food", "Sport"]},
    "multiple_choice": {"choices": ["Mornings", "Evenings", "Weekends"]},
    "file": {"allowed_types": ["pdf", "docx"], "max_size_mb": 1},
}


def questions(*, optional=(), **extra):
    return QuestionsBlock().to_python(
        [
            {
                "type": kind,
                "id": IDS[kind],
                "value": {
                    "label": LABELS[kind],
                    "help_text": "",
                    "required": kind not in optional,
                    **EXTRA.get(kind, {}),
                    **extra.get(kind, {}),
                },
            }
            for kind in KINDS
        ]
    )


def name(kind: str) -> str:
    return f"q_{IDS[kind]}"


def budget_rows(*rows) -> dict:
    data = {}
    for n, (item, amount) in enumerate(rows):
        data[f"{name('budget_table')}-{n}-item"] = item
        data[f"{name('budget_table')}-{n}-amount"] = amount
    return data


def filled(**changes) -> dict:
    data = {
        name("text"): "Lunch club",
        name("long_text"): "Neighbours cook and eat together every week.",
        name("number"): "40",
        name("money"): "£1,250.5",
        name("yes_no"): "no",
        name("single_choice"): "Food",
        name("multiple_choice"): ["Mornings", "Weekends"],
        **date_typed(name("date"), "27/03/2027"),
        **budget_rows(("Food", "£3,000"), ("Hall hire", "1500.00"), ("", "")),
    }
    for kind, value in changes.items():
        data |= date_typed(name(kind), value) if kind == "date" else {name(kind): value}
    return data


def cleaned(data, files=None):
    form = build_application_form(questions(), data=data, files=files)
    assert form.is_valid(), form.errors
    return form


STORED = {
    IDS["text"]: "Lunch club",
    IDS["long_text"]: "Neighbours cook and eat together every week.",
    IDS["number"]: 40,
    IDS["money"]: "1250.50",
    IDS["yes_no"]: False,
    IDS["single_choice"]: "Food",
    IDS["multiple_choice"]: ["Mornings", "Weekends"],
    IDS["date"]: "2027-03-27",
    IDS["budget_table"]: [
        {"item": "Food", "amount": "3000.00"},
        {"item": "Hall hire", "amount": "1500.00"},
    ],
}


def test_every_question_type_renders_with_its_label_and_inputs():
    html = build_application_form(questions()).as_p()
    for label in LABELS.values():
        assert label in html
    assert f'<input type="text" name="{name("text")}"' in html
    assert f'<textarea name="{name("long_text")}"' in html
    assert f'<input type="number" name="{name("number")}"' in html and 'max="500"' in html
    assert f'name="{name("money")}" inputmode="decimal"' in html
    assert 'type="radio"' in html and 'value="yes"' in html and 'value="no"' in html
    assert 'type="checkbox"' in html and 'value="Weekends"' in html
    assert "For example, 27 3 2027" in html
    assert f'name="{name("date")}_month"' in html
    assert 'type="file"' in html and 'accept=".pdf,.docx"' in html
    assert "Upload a PDF or Word document (.pdf, .docx), up to 1 MB." in html
    assert f'name="{name("budget_table")}-4-amount"' in html
    assert "<caption" in html and "Your budget</caption>" in html


@pytest.mark.parametrize("typed", ["27/03/2027", "27/3/2027", " 27/ 3 /2027 "])
def test_a_filled_form_cleans_to_answers_that_store_as_json(typed):
    form = cleaned(filled(date=typed))
    assert json.loads(json.dumps(form.answers())) == STORED
    assert form.uploaded_files() == {}


@pytest.mark.parametrize(
    ("typed", "stored"), [("1250", "1250.00"), (" £1,250.50 ", "1250.50"), ("0.5", "0.50")]
)
def test_money_is_taken_as_people_write_it(typed, stored):
    assert cleaned(filled(money=typed)).answers()[IDS["money"]] == stored


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("lots", "Enter an amount in pounds and pence, like £1,250.50."),
        ("-50", "Enter an amount of £0 or more."),
        ("12.345", "Enter an amount in pounds and pence, like £1,250.50."),
        ("1,25", "Enter an amount in pounds and pence, like £1,250.50."),
        ("NaN", "Enter an amount in pounds and pence, like £1,250.50."),
        ("Infinity", "Enter an amount in pounds and pence, like £1,250.50."),
        ("12345678901", "Check this amount: it is too large to be right."),
    ],
)
def test_money_that_is_not_an_amount_is_refused(typed, message):
    form = build_application_form(questions(), data=filled(money=typed))
    assert form.errors == {name("money"): [message]}


def test_a_blank_yes_or_no_is_not_taken_as_no():
    form = cleaned(filled(yes_no=""))
    assert IDS["yes_no"] not in form.answers()
    assert dict(answers_for_display(questions(), form.answers()))[LABELS["yes_no"]] == (
        "Not answered"
    )


def test_saved_answers_come_back_into_the_form():
    html = build_application_form(questions(), initial=STORED).as_p()
    assert 'value="Lunch club"' in html
    assert 'value="no" id="id_q_5e0c7a52-0000-4000-8000-000000000005_1" checked' in html
    assert f'name="{name("date")}_day" type="text" inputmode="numeric" value="27"' in html
    assert f'name="{name("date")}_year" type="text" inputmode="numeric" value="2027"' in html
    assert 'value="Hall hire"' in html and 'value="1500.00"' in html
    assert "£4,500" in html  # the budget's total, under the table


def test_a_word_limit_holds_even_in_a_draft():
    form = build_application_form(questions(), data=filled(text="one two three four five six"))
    assert form.errors == {name("text"): ["Use 5 words or fewer: you have used 6."]}


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        ("number", "900", "Enter a number of 500 or less."),
        ("number", "0", "Enter a number of 1 or more."),
        ("number", "about 40", "Enter a whole number, like 12."),
        ("date", "31/02/2027", "Enter a real date, for example 27 3 2027."),
        ("single_choice", "Knitting", "Choose from the options shown."),
    ],
)
def test_answers_that_cannot_be_right_are_refused_in_a_draft(kind, typed, message):
    form = build_application_form(questions(), data=filled(**{kind: typed}))
    assert form.errors == {name(kind): [message]}


def test_every_half_filled_budget_row_is_named():
    data = filled() | budget_rows(
        ("Food", "3000"), ("Hall hire", "lots"), ("", ""), ("", "£80"), ("Trips", "-20")
    )
    form = build_application_form(questions(), data=data)
    assert form.errors == {
        name("budget_table"): [
            "Row 2: give an amount in pounds, like 250 or 250.00.",
            "Row 4: say what the £80 is for.",
            "Row 5: give an amount in pounds, like 250 or 250.00.",
        ]
    }


def test_budget_rows_keep_their_places_when_the_page_comes_back():
    data = filled() | budget_rows(("Food", "3000"), ("", ""), ("Trips", "lots"))
    html = build_application_form(questions(), data=data)[name("budget_table")].as_widget()
    third = f"id_{name('budget_table')}-2-item"
    label = "Row 3: what the money is for"
    assert f'<label class="govuk-visually-hidden" for="{third}">{label}</label>' in html
    assert f'id="{third}" name="{name("budget_table")}-2-item" value="Trips"' in html
    # five empty rows after the last one used
    assert '<th class="govuk-table__header" scope="row">8</th>' in html
    assert '<th class="govuk-table__header" scope="row">9</th>' not in html
    assert "Total" not in html  # no total while a row is wrong


def test_the_budget_question_label_leads_to_its_first_box():
    form = build_application_form(questions())
    assert form[name("budget_table")].id_for_label == f"id_{name('budget_table')}-0-item"


def test_budget_total_adds_the_stored_rows():
    assert budget_total(STORED[IDS["budget_table"]]) == Decimal("4500.00")
    assert budget_total([]) == Decimal(0)


def test_a_draft_may_have_gaps_but_submission_lists_every_problem_at_once():
    form = build_application_form(questions(), data={name("text"): "Lunch club"})
    assert form.is_valid()
    problems = submission_problems(
        questions(), form.answers(), files_present=set(), amount_requested=Decimal("4500")
    )
    assert set(problems) == {name(kind) for kind in KINDS if kind != "text"}
    assert problems[name("money")] == "Answer this question: Your match funding"
    assert problems[name("budget_table")] == "Answer this question: Your budget"
    assert problems[name("file")] == "Upload your latest accounts."


def test_optional_questions_may_stay_blank_at_submission():
    assert (
        submission_problems(
            questions(optional=KINDS), {}, files_present=set(), amount_requested=None
        )
        == {}
    )


def test_a_complete_application_has_no_problems():
    problems = submission_problems(
        questions(), STORED, files_present={IDS["file"]}, amount_requested=Decimal("4500")
    )
    assert problems == {}


def test_the_budget_must_equal_the_amount_asked_for():
    answers = STORED | {
        IDS["budget_table"]: [
            {"item": "Food", "amount": "3000.00"},
            {"item": "Hall hire", "amount": "1750.00"},
        ]
    }
    problems = submission_problems(
        questions(), answers, files_present={IDS["file"]}, amount_requested=Decimal("5000")
    )
    assert problems == {
        name("budget_table"): (
            "Your budget adds up to £4,750; it must equal the £5,000 you are asking for."
        )
    }


def test_the_budget_check_waits_for_the_amount_asked_for():
    problems = submission_problems(
        questions(), STORED, files_present={IDS["file"]}, amount_requested=None
    )
    assert problems == {
        name("budget_table"): "Enter the amount you are asking for, then check your budget."
    }


def test_a_word_limit_lowered_after_saving_is_caught_at_submission():
    problems = submission_problems(
        questions(long_text={"word_limit": 3}),
        STORED,
        files_present={IDS["file"]},
        amount_requested=Decimal("4500"),
    )
    assert problems == {name("long_text"): "Use 3 words or fewer: you have used 7."}


def test_an_upload_prompt_keeps_the_capitals_of_initials():
    problems = submission_problems(
        questions(file={"label": "CIC certificate"}),
        STORED,
        files_present=set(),
        amount_requested=Decimal("4500"),
    )
    assert problems == {name("file"): "Upload CIC certificate."}


def test_a_good_file_is_taken_apart_from_the_answers():
    upload = SimpleUploadedFile("accounts.pdf", b"%PDF-1.4\n")
    form = cleaned(filled(), files={name("file"): upload})
    assert form.uploaded_files() == {IDS["file"]: upload}
    assert IDS["file"] not in form.answers()


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("accounts.xls", b"\xd0\xcf", "This file is a .xls. Upload a PDF or Word document"),
        ("accounts.pdf", b"<html></html>", "This file's name ends in .pdf, but it is not a real"),
        ("accounts.pdf", b"", "This file is empty. Check you chose the right file"),
    ],
)
def test_a_bad_file_is_refused_next_to_its_question(filename, content, message):
    upload = SimpleUploadedFile(filename, content)
    form = build_application_form(questions(), data=filled(), files={name("file"): upload})
    assert list(form.errors) == [name("file")]
    assert form.errors[name("file")][0].startswith(message)


def test_a_file_already_uploaded_is_shown_and_counts_as_answered():
    form = build_application_form(questions(), existing_files={IDS["file"]: "accounts-2025.pdf"})
    assert "Uploaded: accounts-2025.pdf. To replace it, choose another file." in form.as_p()
    problems = submission_problems(
        questions(), STORED, files_present={IDS["file"]}, amount_requested=Decimal("4500")
    )
    assert name("file") not in problems


def test_an_uploaded_file_name_is_shown_as_text_not_run_as_markup():
    form = build_application_form(
        questions(), existing_files={IDS["file"]: "<img src=x onerror=alert(1)>.pdf"}
    )
    html = render_to_string("includes/form_field.html", {"field": form[name("file")]})
    assert "Uploaded: &lt;img src=x onerror=alert(1)&gt;.pdf." in html
    assert "<img" not in html


def test_only_optional_questions_are_labelled_optional():
    form = build_application_form(questions(optional=["long_text"]))
    rendered = {
        block.block_type: render_to_string("includes/form_field.html", {"field": field})
        for block, field in form.rows()
    }
    assert list(rendered) == KINDS
    assert "What will you do? (optional)" in rendered["long_text"]
    assert "(optional)" not in rendered["text"]


def test_answers_are_shown_to_officers_in_words():
    shown = dict(answers_for_display(questions(), STORED, files={IDS["file"]: "accounts.pdf"}))
    assert shown == {
        "Project name": "Lunch club",
        "What will you do?": "Neighbours cook and eat together every week.",
        "How many people will take part?": "40",
        "Your match funding": "£1,250.50",
        "Do you work with children?": "No",
        "Main theme": "Food",
        "When do you meet?": "Mornings, Weekends",
        "Start date": "27 March 2027",
        "Your latest accounts": "accounts.pdf",
        "Your budget": "Food: £3,000; Hall hire: £1,500. Total £4,500",
    }


def test_unanswered_questions_say_so_to_officers():
    shown = dict(answers_for_display(questions(), {}))
    assert shown["Your latest accounts"] == "Not uploaded"
    assert shown["Your budget"] == "Not answered"
