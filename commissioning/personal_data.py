"""The commissioning records that name a person, and how long they are kept.

The Procurement Act 2023 asks a contracting authority to keep the records
of a procurement; an unsuccessful bidder's are kept three years after the
contract starts, the winner's six years after the contract ends (the
Limitation Act 1980 period for claims under the contract). See
foundation.personal_data.
"""

from datetime import datetime

from django.db.models import Q

from foundation.personal_data import (
    PersonalRecords,
    RetentionKind,
    personal_records_register,
    retention_kinds_register,
)

UNSUCCESSFUL_BIDS = "commissioning.unsuccessful_bids"
CONTRACTS = "commissioning.contracts"
UNSUCCESSFUL_STATES = ["unsuccessful", "non_compliant", "withdrawn"]

KINDS = [
    RetentionKind(
        key=UNSUCCESSFUL_BIDS,
        label="Bids that did not win, with their clarification questions",
        months=36,
        starts="after the contract starts",
        purpose="as the Procurement Act 2023 requires records of a procurement to be kept, "
        "and to answer a challenge to the award",
    ),
    RetentionKind(
        key=CONTRACTS,
        label="Winning bids and the contracts that follow",
        months=72,
        starts="after the contract ends",
        purpose="to manage the contract and answer any claim under it",
    ),
]


def bid_expired(prefix: str = ""):
    """Records of bids past their retention period; `prefix` leads from a
    related record to its bid ("bid__")."""

    def expired(cutoffs: dict[str, datetime]) -> Q:
        lost = Q(
            **{
                f"{prefix}state__in": UNSUCCESSFUL_STATES,
                f"{prefix}tender__contract_starts__lt": cutoffs[UNSUCCESSFUL_BIDS].date(),
            }
        )
        won = Q(
            **{
                f"{prefix}state": "successful",
                f"{prefix}tender__contract_ends__lt": cutoffs[CONTRACTS].date(),
            }
        )
        return lost | won

    return expired


def _tender_ended(cutoffs: dict[str, datetime]) -> Q:
    return Q(tender__contract_ends__lt=cutoffs[CONTRACTS].date())


_KINDS = (UNSUCCESSFUL_BIDS, CONTRACTS)
RECORDS = [
    PersonalRecords(
        model="commissioning.BidVersion",
        label="Bid versions they submitted",
        people=("submitted_by",),
        shown=("number", "price", "submitted_at"),
        retention=_KINDS,
        expired=bid_expired("bid__"),
    ),
    PersonalRecords(
        model="commissioning.BidDocument",
        label="Files they uploaded to bids",
        people=("uploaded_by",),
        shown=("original_name", "uploaded_at"),
        erase={"original_name": "File removed"},
        retention=_KINDS,
        expired=bid_expired("bid__"),
    ),
    PersonalRecords(
        model="commissioning.Clarification",
        label="Clarification questions they asked or answered",
        people=("asked_by", "answered_by"),
        shown=("question", "asked_at", "answer", "published_at"),
        retention=(CONTRACTS,),
        expired=_tender_ended,
    ),
    PersonalRecords(
        model="commissioning.Interest",
        label="Tenders they registered interest in",
        people=("registered_by",),
        shown=("registered_at",),
        retention=(CONTRACTS,),
        expired=_tender_ended,
    ),
    PersonalRecords(
        model="commissioning.Contract",
        label="Contracts they recorded",
        people=("recorded_by",),
        shown=("value", "starts_on", "ends_on", "recorded_at"),
    ),
    PersonalRecords(
        model="commissioning.DeliveryReport",
        label="Contract delivery reports they made",
        people=("reported_by",),
        shown=("period_ending", "achieved", "note", "reported_at"),
    ),
    PersonalRecords(
        model="commissioning.Tender",
        label="Tenders they sent for approval",
        people=("sent_for_approval_by",),
        shown=("title", "state"),
    ),
    PersonalRecords(
        model="commissioning.Commission",
        label="Commissions they started",
        people=("created_by",),
    ),
    PersonalRecords(
        model="commissioning.OptionsAppraisal",
        label="Options appraisals they recorded",
        people=("recorded_by",),
    ),
]


def register() -> None:
    retention_kinds_register(*KINDS)
    personal_records_register(*RECORDS)
