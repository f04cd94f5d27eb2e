"""The moderation sheet's summary: for every submission of a call, the
criteria where the panel disagrees and nothing is moderated yet, and how
much is moderated. Worked out in the database, as the sheet shows one
submission's scores at a time and this line for each of them."""

from dataclasses import dataclass

from django.db.models import Max, Min

from social_value.models import AssignmentState, Call, CriterionKind, ModeratedScore, Score


@dataclass
class ModerationLine:
    """One submission in the sheet's summary: the criteria where members
    disagree and nothing is moderated yet, and how many are moderated."""

    submission_pk: int
    reference: str
    disagreements: list[str]
    moderated: int
    criteria: int

    @property
    def done(self) -> bool:
        return self.moderated == self.criteria

    # The summary's cells as text, made here: two hundred lines of numbers
    # localised one by one in the template were a third of the page's time.
    @property
    def link(self) -> str:
        return f"?submission={self.submission_pk}#s{self.submission_pk}"

    @property
    def where(self) -> str:
        return ", ".join(self.disagreements) or "Nowhere"

    @property
    def progress(self) -> str:
        return f"All {self.moderated}" if self.done else f"{self.moderated} of {self.criteria}"


def moderation_summary(*, call: Call) -> list[ModerationLine]:
    """Where the panel disagrees across the whole call, worked out in the
    database: the cells whose members are the threshold or more apart, and
    the cells moderated, rather than every member's score and comment
    (thousands of rows) read back for a page that shows one submission's."""
    criteria = [c for c in call.criteria.all() if c.kind != CriterionKind.PRICE]
    threshold = call.disagreement_threshold
    # Only the cells whose members are the threshold or more apart.
    flagged = set(
        Score.objects.filter(
            assignment__submission__call=call,
            assignment__state=AssignmentState.SUBMITTED,
            score__isnull=False,
        )
        .values("assignment__submission_id", "criterion_id")
        .annotate(spread=Max("score") - Min("score"))
        .filter(spread__gte=threshold)
        .values_list("assignment__submission_id", "criterion_id")
        .order_by()
    )
    moderated = set(
        ModeratedScore.objects.filter(submission__call=call)
        .values_list("submission_id", "criterion_id")
        .order_by()
        .distinct()
    )
    lines = []
    for pk, reference in call.submissions.values_list("pk", "reference"):
        done = [c for c in criteria if (pk, c.pk) in moderated]
        lines.append(
            ModerationLine(
                submission_pk=pk,
                reference=reference,
                disagreements=[
                    c.title
                    for c in criteria
                    if (pk, c.pk) in flagged and (pk, c.pk) not in moderated
                ],
                moderated=len(done),
                criteria=len(criteria),
            )
        )
    return lines
