"""Preparing, revising and submitting a bid before the deadline."""

import uuid
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from commissioning import notifications
from commissioning.models import (
    Bid,
    BidDocument,
    BidState,
    BidVersion,
    Lot,
    Tender,
    TenderState,
)
from commissioning.services.tenders import interest_register
from foundation.deadlines import when
from foundation.templatetags.uk import long_date, time_of_day
from foundation.transitions import transition_apply
from grants.questions import submission_problems
from organisations.selectors import membership_for


def _bidder_required(bid_or_org, user) -> None:
    organisation = getattr(bid_or_org, "organisation", bid_or_org)
    if membership_for(user=user, organisation=organisation) is None:
        raise PermissionDenied("Only members of the bidding organisation can work on its bid.")


def deadline_in_words(tender) -> str:
    return when(tender.submission_deadline)


def _before_deadline(tender) -> None:
    tender = Tender.objects.get(pk=tender.pk)  # its state as stored now
    if tender.state != TenderState.PUBLISHED or timezone.now() >= tender.submission_deadline:
        raise ValidationError(
            f"Bids closed at {deadline_in_words(tender)}. Nothing you submitted in time is "
            "lost, but no bid or change can be submitted now."
        )


def bid_start(*, lot: Lot, organisation, actor) -> Bid:
    _bidder_required(organisation, actor)
    _before_deadline(lot.tender)
    interest_register(tender=lot.tender, organisation=organisation, actor=actor)
    try:
        with transaction.atomic():
            bid = Bid.objects.create(
                tender=lot.tender,
                lot=lot,
                organisation=organisation,
                reference=f"new-{uuid.uuid4().hex[:24]}",
            )
            bid.reference = f"B{lot.tender_id}-{lot.number}-{bid.pk:05d}"
            bid.save(update_fields=["reference"])
    except IntegrityError:
        raise ValidationError(f"{organisation} already has a bid for this lot.") from None
    return bid


class StaleBid(Exception):
    def __init__(self, current: Bid):
        super().__init__("Someone else saved this bid after you opened it.")
        self.current = current


def bid_save(
    *,
    bid: Bid,
    actor,
    expected_version: int,
    answers: dict,
    price,
    files: dict,
    commitments: dict | None = None,
):
    _bidder_required(bid, actor)
    _before_deadline(bid.tender)
    with transaction.atomic():
        updated = Bid.objects.filter(
            pk=bid.pk, version=expected_version, state__in=[BidState.DRAFT, BidState.SUBMITTED]
        ).update(
            draft_answers=answers,
            draft_price=price,
            draft_commitments=commitments or {},
            version=F("version") + 1,
        )
        current = Bid.objects.get(pk=bid.pk)
        if not updated:
            raise StaleBid(current)
        for question_id, upload in files.items():
            BidDocument.objects.create(
                bid=current,
                question_id=question_id,
                file=upload,
                original_name=upload.name,
                uploaded_by=actor,
            )
    return current


def bid_problems(bid: Bid) -> dict[str, str]:
    """What stops the saved draft being submitted, by field name."""
    problems = submission_problems(
        bid.tender.questions,
        bid.draft_answers,
        files_present=set(bid.documents.values_list("question_id", flat=True)),
        amount_requested=bid.draft_price,
    )
    if bid.draft_price is None or bid.draft_price <= Decimal(0):
        problems["price"] = "Enter your price for this lot, in pounds."
    return problems


def bid_submit(*, bid: Bid, actor) -> BidVersion:
    """Submit (or resubmit) the bid: the draft becomes a new, sealed version.

    Refused from the deadline second on; versions submitted in time stay.
    """
    _bidder_required(bid, actor)
    with transaction.atomic():
        bid = Bid.objects.select_for_update(of=("self",)).select_related("tender").get(pk=bid.pk)
        _before_deadline(bid.tender)
        problems = bid_problems(bid)
        if problems:
            raise ValidationError(problems)
        number = bid.versions.count() + 1
        transition_apply(bid, "submit", actor=actor, description=f"Version {number} submitted")
        bid.save()
        version = BidVersion.objects.create(
            bid=bid,
            number=number,
            answers=bid.draft_answers,
            price=bid.draft_price,
            commitments=bid.draft_commitments,
            submitted_by=actor,
        )
        notifications.organisations_notify(
            [bid.organisation],
            tender=bid.tender,
            subject=f"Bid {bid.reference} received: version {number}",
            body=f"We received version {number} of your bid for {bid.lot} at "
            f"{time_of_day(version.submitted_at)} on {long_date(version.submitted_at)}. "
            "It stays sealed until the tender closes. "
            "You can revise and resubmit until the deadline.",
        )
    return version


@transaction.atomic
def bid_withdraw(*, bid: Bid, actor) -> Bid:
    _bidder_required(bid, actor)
    bid = Bid.objects.select_for_update().select_related("tender").get(pk=bid.pk)
    _before_deadline(bid.tender)
    transition_apply(bid, "withdraw", actor=actor, description="Withdrawn by the bidder")
    bid.save()
    return bid
