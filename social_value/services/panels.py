"""Panel composition, assignments and declarations of interest."""

from collections import Counter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from social_value.models import (
    SCORING_ROLES,
    Assignment,
    AssignmentState,
    Call,
    PanelMember,
    Submission,
)
from social_value.permissions import can_manage


def panel_problems(*, call: Call) -> list[str]:
    """What stops the panel scoring this call (the rule is the call's own)."""
    return call.panel_problems()


@transaction.atomic
def assignments_generate(*, call: Call, actor) -> int:
    """Give every submission its N scorers, spreading the work evenly.

    Existing assignments are kept; recused ones do not count towards N, so
    running this again after a conflict tops the submission up with another
    member.
    """
    if not can_manage(call=call, user=actor):
        raise PermissionDenied("Only an officer can assign the panel.")
    scorers = list(
        call.panel.members.filter(role__in=SCORING_ROLES).select_related("user").order_by("pk")
    )
    if not scorers:
        raise ValidationError("The panel has nobody who scores.")
    existing = list(
        Assignment.objects.filter(submission__call=call).values_list(
            "submission_id", "member_id", "state"
        )
    )
    load = Counter(member for _, member, state in existing if state != AssignmentState.RECUSED)
    taken: dict[int, set[int]] = {}
    active: Counter = Counter()
    for submission_id, member_id, state in existing:
        taken.setdefault(submission_id, set()).add(member_id)
        if state != AssignmentState.RECUSED:
            active[submission_id] += 1
    new = []
    for submission in call.submissions.order_by("reference"):
        needed = call.members_per_submission - active[submission.pk]
        candidates = sorted(
            (m for m in scorers if m.pk not in taken.get(submission.pk, set())),
            key=lambda m: (load[m.pk], m.pk),
        )
        for member in candidates[: max(needed, 0)]:
            new.append(Assignment(submission=submission, member=member))
            load[member.pk] += 1
    Assignment.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def assignment_add(*, submission: Submission, member: PanelMember, actor) -> Assignment:
    if not can_manage(call=submission.call, user=actor):
        raise PermissionDenied("Only an officer can assign the panel.")
    if member.panel_id != submission.call.panel_id:
        raise ValidationError("That person is not on this call's panel.")
    if not member.scores:
        raise ValidationError("An adviser does not score.")
    assignment, created = Assignment.objects.get_or_create(submission=submission, member=member)
    if not created:
        raise ValidationError("That member is already assigned to this submission.")
    return assignment


def _own_assignment(assignment: Assignment, user) -> Assignment:
    if assignment.member.user_id != user.pk:
        raise PermissionDenied("This is not your assignment.")
    return assignment


@transaction.atomic
def conflict_declare(
    *, assignment: Assignment, user, conflicted: bool, nature: str = ""
) -> Assignment:
    """The member's declaration, made before they see anything of the
    submission. A conflict recuses them; their draft scores are removed."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _own_assignment(assignment, user)
    if conflicted:
        if not nature.strip():
            raise ValidationError({"nature": "Say what the conflict is, in a sentence or two."})
        if assignment.state == AssignmentState.SUBMITTED:
            raise ValidationError("Your scores are submitted; tell the officer about the conflict.")
        assignment.declare_conflict(nature=nature.strip(), by=user, description=nature.strip())
        assignment.scores.all().delete()
    else:
        if assignment.state != AssignmentState.AWAITING_DECLARATION:
            raise ValidationError("You have already made your declaration for this submission.")
        assignment.declare_no_conflict(by=user, description="No conflict of interest")
    assignment.save()
    return assignment
