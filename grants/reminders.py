"""Reminders about grants: drafts before a round closes, monitoring
returns due and overdue, questions to applicants left unanswered."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from grants.models import Application, InformationRequest, MonitoringReturn, State
from organisations.selectors import member_ids_by_organisation
from reminders.registry import Due, absolute, reminder_kind, timing, when


@reminder_kind("grant_draft", essential=True)
def grant_drafts(now):
    windows = sorted(timing("draft_before_close"))
    latest = now + timedelta(days=max(windows))
    drafts = list(
        Application.objects.filter(
            state=State.DRAFT, round__closes_at__gt=now, round__closes_at__lte=latest
        ).select_related("round")
    )
    members = member_ids_by_organisation(a.organisation_id for a in drafts)
    for application in drafts:
        closes = application.round.closes_at
        # The tightest window reached names the reminder, so each goes once.
        days = (
            min(d for d in windows if closes - timedelta(days=d) <= now)
            if any(closes - timedelta(days=d) <= now for d in windows)
            else None
        )
        if days is None:
            continue
        for user_id in members.get(application.organisation_id, []):
            yield Due(
                kind=f"grant_draft_{days}d",
                recipient_id=user_id,
                subject=application,
                due_on=timezone.localdate(closes),
                subject_line=f"{application.round.title} closes soon: finish your application",
                body=f"Your draft application {application.reference} is not submitted yet. "
                f"The round closes at {when(closes)}. After that it cannot be submitted.\n\n"
                + absolute(reverse("application-edit", args=[application.pk])),
                link=reverse("application-edit", args=[application.pk]),
            )


@reminder_kind("monitoring_return", essential=True)
def monitoring_returns(now):
    today = timezone.localdate(now)
    soon = today + timedelta(days=timing("return_before"))
    returns = list(
        MonitoringReturn.objects.filter(
            submitted_at__isnull=True,
            due_on__lte=soon,
            award__application__state=State.ACTIVE,
        ).select_related("award__application")
    )
    members = member_ids_by_organisation(r.award.application.organisation_id for r in returns)
    for item in returns:
        application = item.award.application
        overdue = item.due_on < today
        for user_id in members.get(application.organisation_id, []):
            yield Due(
                kind="monitoring_overdue" if overdue else "monitoring_due",
                recipient_id=user_id,
                subject=item,
                due_on=item.due_on,
                subject_line=f"Monitoring return {'overdue' if overdue else 'due'}: "
                f"{application.reference}",
                body=f"Your monitoring return for {application.project_title} "
                f"{'was' if overdue else 'is'} due on {item.due_on:%A %-d %B %Y}.\n\n"
                + absolute(reverse("monitoring-return", args=[item.pk])),
                link=reverse("monitoring-return", args=[item.pk]),
            )


@reminder_kind("more_info_unanswered", essential=False)
def questions_unanswered(now):
    cutoff = now - timedelta(days=timing("more_info_unanswered_after"))
    for request in InformationRequest.objects.filter(
        answered_at__isnull=True,
        requested_at__lte=cutoff,
        application__state=State.MORE_INFO,
    ).select_related("application"):
        application = request.application
        yield Due(
            kind="more_info_unanswered",
            recipient_id=request.requested_by_id,
            subject=request,
            due_on=timezone.localdate(request.requested_at),
            subject_line=f"No answer yet from {application.reference}",
            body=f"Your question to {application.reference}, asked on "
            f"{timezone.localtime(request.requested_at):%-d %B}, has had no answer.\n\n"
            + absolute(reverse("application-manage", args=[application.pk])),
            link=reverse("application-manage", args=[application.pk]),
        )
