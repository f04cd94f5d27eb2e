"""The scoring records that name a person, and how long the words a panel
member wrote about themselves are kept. Scores stay with the ranking they
made (the award rests on them); a declared conflict of interest is kept
three years after it was declared, long enough to answer a challenge to the
award. See foundation.personal_data.
"""

from datetime import datetime

from django.db.models import Q

from foundation.personal_data import (
    PersonalRecords,
    RetentionKind,
    personal_records_register,
    retention_kinds_register,
)

DECLARATIONS = "social_value.panel_declarations"

KINDS = [
    RetentionKind(
        key=DECLARATIONS,
        label="What panel members declared about a conflict of interest",
        months=36,
        starts="after the declaration",
        purpose="to show that every decision was made by people without a conflict",
    ),
]


def _declared_before(cutoffs: dict[str, datetime]) -> Q:
    return Q(declared_at__lt=cutoffs[DECLARATIONS])


RECORDS = [
    PersonalRecords(
        model="social_value.PanelMember",
        label="Panel seats",
        people=("user",),
        shown=("panel", "role"),
    ),
    PersonalRecords(
        model="social_value.Assignment",
        label="Submissions they were asked to score, and their declarations",
        people=("member__user",),
        shown=("submission", "state", "conflict_nature", "declared_at", "submitted_at"),
        erase={"conflict_nature": "Removed"},
        retention=(DECLARATIONS,),
        expired=_declared_before,
    ),
    PersonalRecords(
        model="social_value.Score",
        label="Scores they gave",
        people=("assignment__member__user",),
        shown=("criterion", "score", "comment", "updated_at"),
    ),
    PersonalRecords(
        model="social_value.ModeratedScore",
        label="Scores they moderated",
        people=("moderated_by",),
        shown=("submission", "criterion", "score", "rationale", "moderated_at"),
    ),
    PersonalRecords(
        model="social_value.Ranking",
        label="Rankings they confirmed",
        people=("confirmed_by",),
        shown=("call", "confirmed_at"),
    ),
    PersonalRecords(
        model="social_value.DeliveryReport",
        label="Social value delivery they reported",
        people=("reported_by",),
        shown=("period_start", "period_end", "quantity_delivered", "evidence", "reported_at"),
    ),
]


def register() -> None:
    retention_kinds_register(*KINDS)
    personal_records_register(*RECORDS)
