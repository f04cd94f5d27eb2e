"""Who may read a bid. Sealed bids: before the tender closes and its bids
are opened, nobody but the bidder's own organisation reads a bid's content
or files; not commissioners, panel members, administrators, the API, the
admin or an export. Every way in asks this one function."""

from commissioning.models import UNPUBLISHED, Bid, TenderState
from organisations.selectors import membership_for

OPENED = {
    TenderState.EVALUATION,
    TenderState.MODERATION,
    TenderState.INTENDED_AWARD,
    TenderState.STANDSTILL,
    TenderState.AWARDED,
    TenderState.CONTRACTED,
}
SEALED_MESSAGE = "Bids are sealed until the tender closes and its bids are opened."


def is_bidder(bid: Bid, user) -> bool:
    return membership_for(user=user, organisation=bid.organisation) is not None


def bid_readable_by(bid: Bid, user) -> bool:
    if not user.is_authenticated:
        return False
    if is_bidder(bid, user):
        return True
    if bid.tender.state not in OPENED:
        return False
    if user.has_perm("commissioning.run_tender"):
        return True
    # A panel member reads what they are assigned and have declared no conflict on.
    return (
        bid.submission_id is not None
        and bid.submission.assignments.filter(
            member__user=user, state__in=["scoring", "submitted"]
        ).exists()
    )


def tender_document_readable_by(document, user) -> bool:
    """A tender's documents are published with it; a draft's are the
    commissioners' alone."""
    if document.tender.state not in UNPUBLISHED:
        return True
    return user.is_authenticated and user.has_perm("commissioning.run_tender")
