"""Whether a call for partners is open, worked out from the live dates.

A call page never stores its own state: a round's dates and a tender's
state and deadline decide it, so a deadline moved in the grants or
commissioning screens shows on the public site at once.
"""

from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce

from commissioning.models import UNPUBLISHED, TenderState

CLOSING_SOON = timedelta(days=14)


class CallStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSING = "closing", "Closing soon"
    UPCOMING = "upcoming", "Opening soon"
    CLOSED = "closed", "Closed"
    # Shown, never filtered on: a cancelled call is listed with the closed ones.
    CANCELLED = "cancelled", "Cancelled"


TAG_COLOURS = {
    CallStatus.UPCOMING: "govuk-tag--blue",
    CallStatus.OPEN: "govuk-tag--green",
    CallStatus.CLOSING: "govuk-tag--orange",
    CallStatus.CLOSED: "govuk-tag--grey",
    CallStatus.CANCELLED: "govuk-tag--red",
}


def status_at(
    now: datetime, *, opens_at, closes_at, accepting: bool = True, cancelled: bool = False
) -> CallStatus:
    """`accepting` is False for a tender not yet published or already past
    bidding (cancelled, evaluated, awarded) whatever its dates say."""
    if cancelled:
        return CallStatus.CANCELLED
    if opens_at is not None and now < opens_at:
        return CallStatus.UPCOMING
    if not accepting or closes_at is None or now >= closes_at:
        return CallStatus.CLOSED
    if closes_at - now <= CLOSING_SOON:
        return CallStatus.CLOSING
    return CallStatus.OPEN


def with_deadline(pages):
    """Annotate call pages with `deadline`, the live closing time of whichever
    round or tender each one is linked to, so they can be sorted by it."""
    return pages.annotate(deadline=Coalesce("round__closes_at", "tender__submission_deadline"))


def open_q(now: datetime) -> Q:
    return Q(round__opens_at__lte=now, round__closes_at__gt=now) | Q(
        tender__state=TenderState.PUBLISHED, tender__submission_deadline__gt=now
    )


def status_q(status: str, now: datetime) -> Q:
    """The database filter matching `status_at` for a whole listing."""
    if status == CallStatus.UPCOMING:
        return Q(round__opens_at__gt=now) | Q(tender__state__in=UNPUBLISHED)
    if status == CallStatus.OPEN:
        return open_q(now)
    if status == CallStatus.CLOSING:
        return open_q(now) & Q(deadline__lte=now + CLOSING_SOON)
    if status == CallStatus.CLOSED:
        return ~open_q(now) & ~status_q(CallStatus.UPCOMING, now)
    return Q()
