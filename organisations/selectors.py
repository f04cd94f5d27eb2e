"""Reads for people and organisations."""

from django.db.models import Count, QuerySet

from organisations.models import (
    BankDetails,
    InvitationState,
    Organisation,
    OrganisationInvitation,
    OrganisationMembership,
)
from people.models import User


def membership_for(*, user: User, organisation: Organisation) -> OrganisationMembership | None:
    if not user.is_authenticated:
        return None
    return OrganisationMembership.objects.filter(user=user, organisation=organisation).first()


def organisations_of(*, user: User) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(memberships__user=user)
        .annotate(member_count=Count("memberships", distinct=True))
        .prefetch_related("neighbourhoods")
        .order_by("name")
    )


def organisation_members(*, organisation: Organisation) -> QuerySet[OrganisationMembership]:
    return organisation.memberships.select_related("user").order_by(
        "user__last_name", "user__first_name"
    )


def invitations_pending(*, organisation: Organisation) -> QuerySet[OrganisationInvitation]:
    return organisation.invitations.filter(state=InvitationState.PENDING).select_related(
        "invited_by"
    )


def member_ids_by_organisation(organisation_ids) -> dict[int, list[int]]:
    """Who belongs to each of these organisations, in one query."""
    members: dict[int, list[int]] = {}
    for organisation_id, user_id in OrganisationMembership.objects.filter(
        organisation_id__in=set(organisation_ids)
    ).values_list("organisation_id", "user_id"):
        members.setdefault(organisation_id, []).append(user_id)
    return members


def bank_details_of(*, organisation: Organisation) -> BankDetails | None:
    return (
        BankDetails.objects.filter(organisation=organisation).select_related("verified_by").first()
    )


def bank_details_unverified() -> QuerySet[BankDetails]:
    """Changes waiting for staff to check them, oldest first."""
    return (
        BankDetails.objects.filter(verified_at__isnull=True)
        .select_related("organisation", "changed_by")
        .order_by("changed_at", "pk")
    )


def bank_details_payable(*, organisation: Organisation) -> str:
    """Why a payment to this organisation cannot be released now, or ""."""
    bank_details = bank_details_of(organisation=organisation)
    if bank_details is None:
        return (
            f"{organisation.name} has not given its bank details yet: "
            "the payment waits until one of its admins enters them and staff verify them."
        )
    if not bank_details.is_verified:
        return (
            f"{organisation.name}'s bank details have not been verified since they were "
            "entered or changed: payments are held until staff check them by telephone "
            "and record it."
        )
    return ""
