"""A panel member's scores: saved as a draft, then submitted and locked."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from social_value.models import Assignment, AssignmentState, CallState, CriterionKind, Score


def scores_save(*, assignment: Assignment, user, entries: dict, submit: bool = False) -> Assignment:
    """Save the member's scores; with `submit`, check they are complete and lock them.

    `entries` maps criterion id to (score or None, comment). Problems come
    back all at once, keyed by criterion id, and nothing is stored when
    there are any.
    """
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update(of=("self",))
            .select_related("submission__call", "member")
            .get(pk=assignment.pk)
        )
        if assignment.member.user_id != user.pk:
            raise PermissionDenied("This is not your assignment.")
        if assignment.state == AssignmentState.RECUSED:
            raise PermissionDenied("You declared a conflict of interest on this submission.")
        if assignment.state == AssignmentState.AWAITING_DECLARATION:
            raise PermissionDenied("Declare any conflict of interest before you score.")
        if assignment.state == AssignmentState.SUBMITTED:
            raise ValidationError("Your scores for this submission are submitted and locked.")
        call = assignment.submission.call
        if call.state != CallState.SCORING:
            raise ValidationError("Scoring is not open for this call.")

        criteria = list(call.criteria.filter(kind=CriterionKind.SCORED))
        low, high = call.scale_bounds
        errors, rows, now = {}, [], timezone.now()
        for criterion in criteria:
            score, comment = entries.get(criterion.pk, (None, ""))
            comment = (comment or "").strip()
            if score is not None and not low <= score <= high:
                errors[criterion.pk] = f"Give a score from {low} to {high}."
            elif submit and score is None:
                errors[criterion.pk] = f"Give a score for “{criterion.title}”."
            elif submit and not comment:
                errors[criterion.pk] = (
                    f"Write a comment explaining your score for “{criterion.title}”."
                )
            rows.append(
                Score(
                    assignment=assignment,
                    criterion=criterion,
                    score=score,
                    comment=comment,
                    updated_at=now,
                )
            )
        if errors:
            raise ValidationError(errors)

        Score.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["assignment", "criterion"],
            update_fields=["score", "comment", "updated_at"],
        )
        if submit:
            assignment.submit_scores(by=user, description="Scores submitted")
            assignment.save()
    return assignment
