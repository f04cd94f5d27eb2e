"""Every question type a round can ask: rendered, cleaned, checked."""

import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from grants.questions import (
    QuestionsBlock,
    answers_for_display,
    build_application_form,
    submission_problems,
)
from grants.uploads import validate_upload
from tests.forms import date_typed

IDS = {
    kind: f"00000000-0000-0000-0000-00000000000{n}"
    for n, kind in enumerate(
        [
            "text",
            "long_text",
            "number",
            "money",
            "yes_no",
            "single_choice",
            "multiple_choice",
            "date",
            "budget_table",
        ]
    )
}


def questions(**overrides):
    extra = {
        "text": {"word_limit": 5},
        "number": {"min_value": 0, "max_value": 500},
        "single_choice": {"choices": ["Food", "Sport"]},
        "multiple_choice": {"choices": ["Mornings", "Evenings", "Weekends"]},
    }
    return QuestionsBlock().to_python(
        [
            {
                "type": kind,
                "id": block_id,
                "value": {
                    "label": f"The {kind} question",
                    "help_text": "",
                    "required": True,
                    **extra.get(kind, {}),
                    **overrides.get(kind, {}),
                },
            }
            for kind, block_id in IDS.items()
        ]
    )


def field(kind):
    return f"q_{IDS[kind]}"


def filled():
    return {
        field("text"): "A short answer",
        field("long_text"): "A longer answer about the project.",
        field("number"): "120",
        field("money"): "1,250.50",
        field("yes_no"): "yes",
        field("single_choice"): "Food",
        field("multiple_choice"): ["Mornings", "Weekends"],
        **date_typed(field("date"), "27/03/2027"),
        f"{field('budget_table')}-0-item": "Food",
        f"{field('budget_table')}-0-amount": "£3,000",
        f"{field('budget_table')}-1-item": "Hall",
        f"{field('budget_table')}-1-amount": "1500.00",
    }


def test_every_type_renders_and_cleans_to_storable_answers():
    form = build_application_form(questions(), data=filled())
    html = form.as_div()
    for kind in IDS:
        assert f"The {kind} question" in html
    assert 'name="q_00000000-0000-0000-0000-000000000008-0-amount"' in html
    assert form.is_valid(), form.errors
    answers = form.answers()
    json.dumps(answers)
    assert answers[IDS["money"]] == "1250.50"
    assert answers[IDS["yes_no"]] is True
    assert answers[IDS["date"]] == "2027-03-27"
    assert answers[IDS["budget_table"]] == [
        {"item": "Food", "amount": "3000.00"},
        {"item": "Hall", "amount": "1500.00"},
    ]
    assert (
        submission_problems(
            questions(), answers, files_present=set(), amount_requested=Decimal("4500")
        )
        == {}
    )
    shown = dict(answers_for_display(questions(), answers))
    assert shown["The budget_table question"] == ("Food: £3,000; Hall: £1,500. Total £4,500")


def test_saved_answers_come_back_into_the_form():
    form = build_application_form(questions(), data=filled())
    assert form.is_valid()
    again = build_application_form(questions(), initial=form.answers())
    html = again.as_div()
    assert 'value="A short answer"' in html
    assert 'value="Food"' in html and 'value="3000.00"' in html


def test_word_limit_holds_even_for_a_draft():
    data = filled() | {field("text"): "one two three four five six seven"}
    form = build_application_form(questions(), data=data)
    assert not form.is_valid()
    assert form.errors[field("text")] == ["Use 5 words or fewer: you have used 7."]


def test_a_bad_budget_row_names_its_row():
    data = filled() | {f"{field('budget_table')}-1-amount": "lots"}
    form = build_application_form(questions(), data=data)
    assert not form.is_valid()
    assert form.errors[field("budget_table")] == [
        "Row 2: give an amount in pounds, like 250 or 250.00."
    ]


def test_numbers_and_dates_must_make_sense():
    data = filled() | {field("number"): "900"} | date_typed(field("date"), "31/02/2027")
    form = build_application_form(questions(), data=data)
    assert not form.is_valid()
    assert set(form.errors) == {field("number"), field("date")}


def test_required_answers_are_checked_only_at_submission_all_at_once():
    form = build_application_form(questions(), data={field("text"): "Just this"})
    assert form.is_valid()  # a draft may have gaps
    problems = submission_problems(
        questions(), form.answers(), files_present=set(), amount_requested=Decimal("100")
    )
    assert len(problems) == len(IDS) - 1
    assert problems[field("money")] == "Answer this question: The money question"


def test_optional_questions_may_stay_blank():
    optional = {kind: {"required": False} for kind in IDS}
    assert (
        submission_problems(questions(**optional), {}, files_present=set(), amount_requested=None)
        == {}
    )


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_a_real_word_document_is_accepted():
    upload = SimpleUploadedFile("plan.docx", docx_bytes())
    validate_upload(upload, allowed_types=["pdf", "docx"], max_size_mb=1)
    assert upload.read(2) == b"PK"  # the file is left ready to store


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.docx", b"PK\x03\x04 not really a zip", "not a real Word document"),
        ("plan.exe", b"MZ", "This file is a .exe. Upload a PDF or Word document (.pdf, .docx)."),
        ("plan.pdf", b"", "This file is empty."),
        ("plan", b"%PDF-1.4", "without an extension"),
    ],
)
def test_bad_uploads_say_why(name, content, message):
    with pytest.raises(ValidationError) as error:
        validate_upload(
            SimpleUploadedFile(name, content), allowed_types=["pdf", "docx"], max_size_mb=1
        )
    assert message in error.value.messages[0]
