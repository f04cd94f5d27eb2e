"""Reads for people and organisations."""

from django.db.models import Count, QuerySet

from organisations.models import (
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
