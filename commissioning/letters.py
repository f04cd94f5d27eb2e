"""Outcome letters to every bidder, written from the evaluation: their own
moderated scores, the winner's, and the reasons. Sent through the portal
(kept on the bid, where the bidder reads them and downloads a PDF) and by
e-mail through the outbox, once, whatever repeats the step."""

from django.template.loader import render_to_string
from django.urls import reverse
from weasyprint import HTML

from commissioning import notifications
from commissioning.models import Bid, BidState, LetterKind, OutcomeLetter, Tender
from commissioning.selectors import bid_outcome
from organisations.models import OrganisationMembership
from reminders.models import Notification

SUBJECTS = {
    LetterKind.STANDSTILL: "Intended award: {tender}",
    LetterKind.AWARD: "Award confirmed: {tender}",
}


def outcome_letters_send(*, tender: Tender, kind: str) -> list[OutcomeLetter]:
    """Write and send this kind of letter to every bidder that submitted.
    Called inside the service's transaction: the e-mails go once it commits."""
    sent = []
    bids = (
        tender.bids.exclude(state__in=[BidState.DRAFT, BidState.WITHDRAWN])
        .select_related("organisation", "lot__winner__organisation", "tender__call")
        .order_by("pk")
    )
    for bid in bids:
        if OutcomeLetter.objects.filter(bid=bid, kind=kind).exists():
            continue
        subject = SUBJECTS[kind].format(tender=tender.title)
        body = render_to_string(
            "commissioning/letters/outcome.txt",
            {"bid": bid, "tender": tender, "kind": kind, "outcome": bid_outcome(bid)},
        ).strip()
        letter = OutcomeLetter.objects.create(bid=bid, kind=kind, subject=subject, body=body)
        notifications.organisations_notify(
            [bid.organisation_id], tender=tender, subject=subject, body=body
        )
        # And on each member's dashboard, leading to the bid and its letters.
        link = reverse("bid-detail", args=[bid.pk])
        Notification.objects.bulk_create(
            Notification(user_id=user_id, text=f"{subject}: your letter about {bid.lot}", link=link)
            for user_id in OrganisationMembership.objects.filter(
                organisation_id=bid.organisation_id
            ).values_list("user_id", flat=True)
        )
        sent.append(letter)
    return sent


def letter_pdf(letter: OutcomeLetter) -> bytes:
    bid: Bid = letter.bid
    html = render_to_string(
        "commissioning/letters/outcome_pdf.html", {"letter": letter, "bid": bid}
    )
    return HTML(string=html).write_pdf()
