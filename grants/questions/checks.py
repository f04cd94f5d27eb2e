"""Checks at submission, all problems at once, and answers for reading."""

from datetime import date
from decimal import Decimal

from foundation.money import format_money
from grants.questions.form import word_limit_problem
from grants.questions.money import budget_total


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
