"""Reminders about tenders: draft bids before the deadline, questions
before the clarification deadline, standstill ending, contracts ending."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from commissioning.models import Bid, BidState, Contract, Interest, Tender, TenderState
from organisations.selectors import member_ids_by_organisation
from reminders.registry import Due, absolute, reminder_kind, timing, when


@reminder_kind("bid_draft", essential=True)
def draft_bids(now):
    windows = sorted(timing("draft_before_close"))
    bids = list(
        Bid.objects.filter(
            state=BidState.DRAFT,
            tender__state=TenderState.PUBLISHED,
            tender__submission_deadline__gt=now,
            tender__submission_deadline__lte=now + timedelta(days=max(windows)),
        ).select_related("tender", "lot")
    )
    members = member_ids_by_organisation(b.organisation_id for b in bids)
    for bid in bids:
        deadline = bid.tender.submission_deadline
        days = min(d for d in windows if deadline - timedelta(days=d) <= now)
        for user_id in members.get(bid.organisation_id, []):
            yield Due(
                kind=f"bid_draft_{days}d",
                recipient_id=user_id,
                subject=bid,
                due_on=timezone.localdate(deadline),
                subject_line=f"Your bid for {bid.lot} is not submitted yet",
                body=f"Bids for {bid.tender.title} close at {when(deadline)}.\n\n"
                + absolute(reverse("bid-edit", args=[bid.pk])),
                link=reverse("bid-edit", args=[bid.pk]),
            )


@reminder_kind("clarification_deadline", essential=False)
def clarification_deadlines(now):
    soon = now + timedelta(days=timing("clarification_before"))
    interests = list(
        Interest.objects.filter(
            tender__state=TenderState.PUBLISHED,
            tender__clarification_deadline__gt=now,
            tender__clarification_deadline__lte=soon,
        ).select_related("tender")
    )
    members = member_ids_by_organisation(i.organisation_id for i in interests)
    for interest in interests:
        tender = interest.tender
        for user_id in members.get(interest.organisation_id, []):
            yield Due(
                kind="clarification_deadline",
                recipient_id=user_id,
                subject=tender,
                due_on=timezone.localdate(tender.clarification_deadline),
                subject_line=f"Last days for questions: {tender.title}",
                body=f"Questions about {tender.title} close at "
                f"{when(tender.clarification_deadline)}.\n\n"
                + absolute(reverse("tender-public", args=[tender.pk])),
                link=reverse("tender-public", args=[tender.pk]),
            )


@reminder_kind("standstill_end", essential=False)
def standstill_ends(now):
    today = timezone.localdate(now)
    for tender in Tender.objects.filter(
        state=TenderState.STANDSTILL, standstill_ends_on__lt=today, standstill_paused_reason=""
    ).select_related("commission"):
        yield Due(
            kind="standstill_end",
            recipient_id=tender.commission.created_by_id,
            subject=tender,
            due_on=tender.standstill_ends_on,
            subject_line=f"Standstill has ended: {tender.title}",
            body=f"The standstill period ended on {tender.standstill_ends_on:%-d %B %Y}. "
            "You can now award and record the contracts.\n\n"
            + absolute(reverse("tender-manage", args=[tender.pk])),
            link=reverse("tender-manage", args=[tender.pk]),
        )


@reminder_kind("contract_ending", essential=False)
def contracts_ending(now):
    today = timezone.localdate(now)
    for contract in Contract.objects.filter(
        ends_on__gte=today, ends_on__lte=today + timedelta(days=timing("contract_ends_within"))
    ).select_related("lot__tender__commission", "supplier"):
        tender = contract.lot.tender
        yield Due(
            kind="contract_ending",
            recipient_id=tender.commission.created_by_id,
            subject=contract,
            due_on=contract.ends_on,
            subject_line=f"Contract ending {contract.ends_on:%-d %B %Y}: time to re-commission",
            body=f"{contract.lot} of {tender.title} with {contract.supplier} ends on "
            f"{contract.ends_on:%-d %B %Y}. Start the next options appraisal now.\n\n"
            + absolute(reverse("commission-detail", args=[tender.commission_id])),
            link=reverse("commission-detail", args=[tender.commission_id]),
        )
