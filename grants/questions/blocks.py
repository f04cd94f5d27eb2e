"""The blocks staff build a round's or tender's questions from."""

from wagtail import blocks

from grants.uploads import ALLOWED_TYPES

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
