"""Reminders to panel members with assignments still to declare or score."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from reminders.registry import Due, absolute, reminder_kind, timing, when
from social_value.models import Assignment, AssignmentState, CallState


@reminder_kind("panel_scoring", essential=True)
def panel_scoring(now):
    today = timezone.localdate(now)
    soon = now + timedelta(days=timing("panel_before"))
    for assignment in Assignment.objects.filter(
        state__in=[AssignmentState.AWAITING_DECLARATION, AssignmentState.SCORING],
        submission__call__state=CallState.SCORING,
        submission__call__scoring_deadline__lte=soon,
    ).select_related("submission__call", "member"):
        deadline = assignment.submission.call.scoring_deadline
        overdue = deadline <= now
        yield Due(
            kind="panel_overdue" if overdue else "panel_due",
            recipient_id=assignment.member.user_id,
            subject=assignment,
            # Once overdue, a reminder a day until the scores are in.
            due_on=today if overdue else timezone.localdate(deadline),
            subject_line=f"Scores {'overdue' if overdue else 'due'}: "
            f"{assignment.submission.reference}",
            body=f"Your scores for {assignment.submission.reference} "
            f"{'were' if overdue else 'are'} due by {when(deadline)}.\n\n"
            + absolute(reverse("panel-submission", args=[assignment.pk])),
            link=reverse("panel-submission", args=[assignment.pk]),
        )
