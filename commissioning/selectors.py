"""Reads for commissioning pages; lists are built in a fixed number of queries."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from commissioning.models import Bid, BidState, Commission, Tender, TenderState
from social_value.models import CriterionKind
from social_value.selectors import latest_moderated

OUTCOME_SHOWN = {TenderState.STANDSTILL, TenderState.AWARDED, TenderState.CONTRACTED}


def tenders_open() -> QuerySet[Tender]:
    return (
        Tender.objects.filter(state=TenderState.PUBLISHED, submission_deadline__gt=timezone.now())
        .annotate(lot_count=Count("lots", distinct=True))
        .order_by("submission_deadline")
    )


def tender_pipeline(*, state: str = "") -> QuerySet[Tender]:
    tenders = Tender.objects.select_related("commission").annotate(
        bid_count=Count("bids", filter=~Q(bids__state=BidState.DRAFT), distinct=True),
        lot_count=Count("lots", distinct=True),
    )
    if state:
        tenders = tenders.filter(state=state)
    return tenders.order_by("-submission_deadline")


def commissions_with_appraisal() -> QuerySet[Commission]:
    return Commission.objects.select_related("appraisal").annotate(tender_count=Count("tenders"))


def evaluation_bids(tender: Tender) -> QuerySet[Bid]:
    return (
        Bid.objects.filter(tender=tender)
        .exclude(state=BidState.DRAFT)
        .select_related("lot", "organisation")
        .annotate(version_count=Count("versions"))
        .order_by("lot__number", "reference")
    )


def bid_outcome(bid: Bid) -> dict | None:
    """For the bidder once the intended award is made: their own moderated
    scores, the winner's, and the reasons."""
    if bid.tender.state not in OUTCOME_SHOWN:
        return None
    winner = bid.lot.winner
    moderated = latest_moderated(call=bid.tender.call)
    criteria = [c for c in bid.tender.call.criteria.all() if c.kind == CriterionKind.SCORED]

    def scores(submission_id):
        return [
            (
                c.title,
                getattr(moderated.get((submission_id, c.pk)), "score", None),
                getattr(moderated.get((submission_id, c.pk)), "rationale", ""),
            )
            for c in criteria
        ]

    return {
        "state": bid.get_state_display(),
        "reason": bid.outcome_reason or bid.compliance_reason,
        "own": scores(bid.submission_id) if bid.submission_id else [],
        "winner": winner,
        "winner_scores": scores(winner.submission_id) if winner and winner != bid else [],
        "award_reason": bid.lot.award_reason,
    }


def bid_sections(bid: Bid, problems: dict) -> list[dict]:
    """The bid's parts as a GOV.UK task list: each part's status comes from
    what would stop the bid being submitted."""
    return [
        {
            "name": "Your answers to the tender's questions",
            "anchor": "questions",
            "status": "Incomplete"
            if any(field.startswith("q_") for field in problems)
            else "Completed",
        },
        {
            "name": "Your price",
            "anchor": "price",
            "status": "Incomplete" if "price" in problems else "Completed",
        },
        {
            "name": "Social value you commit to",
            "anchor": "promises",
            "status": "Completed" if bid.draft_commitments else "Optional",
        },
    ]
