"""The organisation records that name a person: memberships, invitations
(an e-mail address, kept a year after the invitation was sent) and an
organisation's contact address. See foundation.personal_data."""

from datetime import datetime

from django.db.models import Q

from foundation.personal_data import (
    PersonalRecords,
    RetentionKind,
    personal_records_register,
    retention_kinds_register,
)

INVITATIONS = "organisations.invitations"

KINDS = [
    RetentionKind(
        key=INVITATIONS,
        label="E-mail addresses invited to join an organisation",
        months=12,
        starts="after the invitation was sent",
        purpose="so that an organisation can see whom it invited",
    ),
]


def _invited_before(cutoffs: dict[str, datetime]) -> Q:
    # A pending invitation may still be accepted; it lapses long before.
    return Q(created_at__lt=cutoffs[INVITATIONS]) & ~Q(state="pending")


RECORDS = [
    PersonalRecords(
        model="organisations.OrganisationMembership",
        label="Organisations they act for",
        people=("user",),
        shown=("organisation", "role", "joined_at"),
    ),
    PersonalRecords(
        model="organisations.OrganisationInvitation",
        label="Invitations to join an organisation",
        people=("invited_by", "accepted_by"),
        emails=("email",),
        shown=("organisation", "email", "role", "state", "created_at", "sent_at"),
        erase={"email": "{pseudonym_email}"},
        retention=(INVITATIONS,),
        expired=_invited_before,
    ),
    # The account itself is the organisation's, not the person's: a subject
    # access export lists who changed or verified it, never its numbers.
    PersonalRecords(
        model="organisations.BankDetails",
        label="Bank details of an organisation they changed or verified",
        people=("changed_by", "verified_by"),
        shown=("organisation", "changed_at", "verified_at"),
    ),
    PersonalRecords(
        model="organisations.Organisation",
        label="Organisations giving their address as the contact",
        emails=("email",),
        shown=("name", "email"),
        erase={"email": ""},
    ),
]


def register() -> None:
    retention_kinds_register(*KINDS)
    personal_records_register(*RECORDS)
