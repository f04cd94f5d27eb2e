"""A round's application questions, configured by staff from blocks, and
the form an applicant fills in from them. At submission every required
answer and the budget total are checked, and every problem is reported at
once, each against its own question.

Tenders ask their questions with the same blocks (commissioning), so the
wording speaks to "you", never of grants in particular.
"""

from foundation.money import MoneyField, format_money, parse_money
from grants.questions.blocks import QuestionsBlock
from grants.questions.checks import answers_for_display, submission_problems
from grants.questions.form import (
    ApplicationQuestionsForm,
    build_application_form,
    count_words,
    word_limit_problem,
)
from grants.questions.money import BudgetTableField, BudgetTableWidget, budget_total

__all__ = [
    "ApplicationQuestionsForm",
    "BudgetTableField",
    "BudgetTableWidget",
    "MoneyField",
    "QuestionsBlock",
    "answers_for_display",
    "budget_total",
    "build_application_form",
    "count_words",
    "format_money",
    "parse_money",
    "submission_problems",
    "word_limit_problem",
]
