"""Moderation and the ranking: the panel's agreed scores, with reasons."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from social_value import selectors
from social_value.models import (
    Call,
    CallState,
    Criterion,
    CriterionKind,
    ModeratedScore,
    Ranking,
    Submission,
)
from social_value.permissions import can_manage, can_moderate


@transaction.atomic
def call_open_moderation(*, call: Call, actor) -> Call:
    if not can_moderate(call=call, user=actor):
        raise PermissionDenied("Only the chair or an officer can open moderation.")
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.state != CallState.SCORING:
        raise ValidationError("Moderation opens only from panel scoring.")
    outstanding = selectors.assignments_outstanding(call=call).count()
    if outstanding:
        raise ValidationError(f"{outstanding} assignments still have no submitted scores.")
    call.open_moderation(by=actor, description="All scores in: moderation opened")
    call.save()
    return call


@transaction.atomic
def moderation_record(
    *,
    submission: Submission,
    criterion: Criterion,
    actor,
    rationale: str,
    score: int | None = None,
    passed: bool | None = None,
) -> ModeratedScore:
    """Record the agreed score (or gateway pass/fail) with its rationale.

    A later record supersedes an earlier one; both are kept.
    """
    call = Call.objects.get(pk=submission.call_id)  # its state as stored now
    if not can_moderate(call=call, user=actor):
        raise PermissionDenied("Only the chair or an officer can moderate.")
    if selectors.is_recused(submission=submission, user=actor):
        raise PermissionDenied("You declared a conflict on this submission.")
    if call.state != CallState.MODERATION:
        raise ValidationError("Moderation is not open for this call.")
    if criterion.call_id != call.pk or criterion.kind == CriterionKind.PRICE:
        raise ValidationError("Price is scored by formula, not moderated.")
    errors = {}
    if not (rationale or "").strip():
        errors["rationale"] = "Write the rationale for the moderated score."
    if criterion.kind == CriterionKind.GATEWAY:
        if passed is None:
            errors["passed"] = "Say whether it passes this gateway."
        score = None
    else:
        low, high = call.scale_bounds
        if score is None or not low <= score <= high:
            errors["score"] = f"Give a moderated score from {low} to {high}."
        passed = None
    if errors:
        raise ValidationError(errors)
    return ModeratedScore.objects.create(
        submission=submission,
        criterion=criterion,
        score=score,
        passed=passed,
        rationale=rationale.strip(),
        moderated_by=actor,
    )


class CellsRefused(Exception):
    """Some cells of a submission's moderation were refused; none was kept.
    `problems` holds each refused criterion's ValidationError by its pk."""

    def __init__(self, problems: dict[int, ValidationError]):
        super().__init__("Some moderated scores were refused.")
        self.problems = problems


@transaction.atomic
def moderation_record_cells(
    *, submission: Submission, actor, cells: dict[Criterion, dict]
) -> list[ModeratedScore]:
    """A submission's moderated scores sent together: all kept, or, if any
    is refused, none, with every refusal said (CellsRefused). Each cell is
    {"score" or "passed", "rationale"} as moderation_record takes them."""
    recorded, problems = [], {}
    for criterion, entry in cells.items():
        try:
            recorded.append(
                moderation_record(submission=submission, criterion=criterion, actor=actor, **entry)
            )
        except ValidationError as error:
            problems[criterion.pk] = error
    if problems:
        raise CellsRefused(problems)  # leaving the transaction undoes the rest
    return recorded


@transaction.atomic
def ranking_confirm(*, call: Call, actor) -> Ranking:
    """Freeze the ranking as it stands, with who confirmed it and when."""
    if not can_manage(call=call, user=actor) or not can_moderate(call=call, user=actor):
        raise PermissionDenied("Only an officer can confirm the ranking.")
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.state != CallState.MODERATION:
        raise ValidationError("A ranking is confirmed once, at the end of moderation.")
    rows = selectors.ranking_for(call=call)
    unfinished = [
        row.reference
        for row in rows
        if any(reason.startswith("Not yet moderated") for reason in row.excluded_reasons)
    ]
    if unfinished:
        raise ValidationError("Moderation is not finished for: " + ", ".join(unfinished) + ".")
    call.confirm_ranking(by=actor, description="Ranking confirmed")
    call.save()
    return Ranking.objects.create(
        call=call, rows=[row.as_dict() for row in rows], confirmed_by=actor
    )
