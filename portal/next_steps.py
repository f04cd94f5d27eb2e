"""What a person needs to do next, gathered for their dashboard.

Drafts to finish before a round or tender closes, questions from the grants
team, offers to answer, monitoring returns coming due and submissions to
score, soonest first, so a volunteer signing in once a week sees at once
what cannot wait.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from commissioning.models import Bid, BidState, TenderState
from grants.models import Application, InformationRequest, MonitoringReturn, State
from organisations.selectors import organisations_of
from outcomes.models import ContractReturn
from social_value.models import Assignment, AssignmentState, CallState

RETURNS_SHOWN_AHEAD = timedelta(days=30)


@dataclass(frozen=True)
class NextStep:
    title: str
    detail: str
    url: str
    due: datetime | None

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < timezone.now()


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def _grant_steps(organisations) -> list[NextStep]:
    # Drafts to finish and offers to answer, in one reading.
    waiting = Application.objects.filter(
        Q(state=State.DRAFT, round__closes_at__gt=timezone.now()) | Q(state=State.OFFER),
        organisation__in=organisations,
    ).select_related("round", "organisation")
    steps = [
        NextStep(
            f"Finish your application: {a.project_title or a.reference}",
            f"{a.organisation.name}, {a.round.title}",
            reverse("application-edit", args=[a.pk]),
            a.round.closes_at,
        )
        if a.state == State.DRAFT
        else NextStep(
            "Accept or decline your grant offer",
            f"{a.project_title}, {a.organisation.name}",
            reverse("application-detail", args=[a.pk]),
            None,
        )
        for a in waiting
    ]
    steps += [
        NextStep(
            "Answer the grants team's question",
            f"{r.application.project_title}: {r.question}",
            reverse("application-detail", args=[r.application_id]),
            r.due_at,
        )
        for r in InformationRequest.objects.filter(
            application__organisation__in=organisations,
            application__state=State.MORE_INFO,
            answer="",
        ).select_related("application")
    ]
    steps += [
        NextStep(
            "Send your monitoring return",
            f"{r.award.application.project_title}, {r.award.application.organisation.name}",
            reverse("monitoring-return", args=[r.pk]),
            _end_of(r.due_on),
        )
        for r in MonitoringReturn.objects.filter(
            award__application__organisation__in=organisations,
            submitted_at__isnull=True,
            due_on__lte=timezone.localdate() + RETURNS_SHOWN_AHEAD,
        ).select_related("award__application__organisation")
    ]
    return steps


def _bid_steps(organisations) -> list[NextStep]:
    return [
        NextStep(
            f"Finish your bid: {b.tender.title}",
            f"{b.organisation.name}, lot {b.lot.number}: {b.lot.title}",
            reverse("bid-edit", args=[b.pk]),
            b.tender.submission_deadline,
        )
        for b in Bid.objects.filter(
            organisation__in=organisations,
            state=BidState.DRAFT,
            tender__state=TenderState.PUBLISHED,
        ).select_related("tender", "lot", "organisation")
    ]


def _contract_steps(organisations) -> list[NextStep]:
    return [
        NextStep(
            "Send your contract monitoring return",
            f"{r.contract.lot.tender.title}, {r.contract.supplier.name}",
            reverse("outcomes:contract-return", args=[r.pk]),
            _end_of(r.due_on),
        )
        for r in ContractReturn.objects.filter(
            contract__supplier__in=organisations,
            submitted_at__isnull=True,
            due_on__lte=timezone.localdate() + RETURNS_SHOWN_AHEAD,
        ).select_related("contract__lot__tender", "contract__supplier")
    ]


def _scoring_steps(user) -> list[NextStep]:
    return [
        NextStep(
            f"Score {a.submission.title}"
            if a.state == AssignmentState.SCORING
            else f"Declare any conflict of interest: {a.submission.title}",
            a.submission.call.title,
            reverse("panel-submission", args=[a.pk]),
            a.submission.call.scoring_deadline,
        )
        for a in Assignment.objects.filter(
            member__user=user,
            state__in=[AssignmentState.AWAITING_DECLARATION, AssignmentState.SCORING],
            submission__call__state=CallState.SCORING,
        ).select_related("submission__call")
    ]


def next_steps_for(user, organisations=None) -> list[NextStep]:
    """`organisations`: the person's, when the caller has read them."""
    if organisations is None:
        organisations = list(organisations_of(user=user))
    steps = _scoring_steps(user)
    if organisations:  # someone in no organisation has nothing else to do
        steps += [
            *_grant_steps(organisations),
            *_bid_steps(organisations),
            *_contract_steps(organisations),
        ]
    far = timezone.now() + timedelta(days=3650)
    return sorted(steps, key=lambda step: (step.due or far, step.title))
