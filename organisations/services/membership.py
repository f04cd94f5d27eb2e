"""Writes for people and organisations: create an organisation, invite,
accept, withdraw. Each checks who may do it, changes state inside one
transaction (transitions are audited by django-fsm-log) and queues e-mail
in the outbox in that transaction, sent by a worker once it has committed."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from organisations.mail import invitation_send
from organisations.models import (
    InvitationState,
    MembershipRole,
    Organisation,
    OrganisationInvitation,
    OrganisationMembership,
)
from organisations.selectors import membership_for
from people import roles
from people.models import User


def organisation_admin_required(
    *,
    organisation: Organisation,
    actor: User,
    refused: str = "Only an organisation admin can manage its members.",
) -> None:
    """Refuse anyone who is not an admin of the organisation: the one check
    behind its members, invitations and bank details."""
    membership = membership_for(user=actor, organisation=organisation)
    if membership is None or not membership.is_admin:
        raise PermissionDenied(refused)


def applicant_role_grant(*, user: User) -> None:
    user.groups.add(Group.objects.get(name=roles.APPLICANT))


@transaction.atomic
def organisation_create(
    *, actor: User, organisation: Organisation, neighbourhoods=()
) -> Organisation:
    """Register a partner organisation; whoever registers it is its first admin."""
    organisation.full_clean()
    organisation.save()
    organisation.neighbourhoods.set(neighbourhoods)
    OrganisationMembership.objects.create(
        organisation=organisation, user=actor, role=MembershipRole.ADMIN
    )
    applicant_role_grant(user=actor)
    return organisation


@transaction.atomic
def invitation_create(
    *, organisation: Organisation, actor: User, email: str, role: str = MembershipRole.MEMBER
) -> OrganisationInvitation:
    organisation_admin_required(organisation=organisation, actor=actor)
    email = User.objects.normalize_email(email).strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError({"email": "This person is already a member."})
    invitation = OrganisationInvitation(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:
        raise ValidationError(
            {"email": "An invitation to this address is already waiting for a reply."}
        ) from None
    invitation_send(invitation_id=invitation.pk)
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: OrganisationInvitation, user: User) -> OrganisationMembership:
    invitation = OrganisationInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != InvitationState.PENDING:
        raise ValidationError("This invitation has already been used or withdrawn.")
    if not invitation.is_current():
        raise ValidationError("This invitation has lapsed: ask for a new one.")
    if user.email.lower() != invitation.email.lower():
        raise PermissionDenied(
            "This invitation was sent to another e-mail address. Sign in as that person."
        )
    invitation.accept(by=user, description=f"{user.email} joined as {invitation.role}")
    invitation.save()
    membership, _ = OrganisationMembership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    applicant_role_grant(user=user)
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: OrganisationInvitation, actor: User) -> None:
    organisation_admin_required(organisation=invitation.organisation, actor=actor)
    invitation = OrganisationInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != InvitationState.PENDING:
        raise ValidationError("Only an invitation still waiting for a reply can be withdrawn.")
    invitation.revoke(by=actor, description="Withdrawn by an organisation admin")
    invitation.save()


@transaction.atomic
def membership_remove(*, membership: OrganisationMembership, actor: User) -> None:
    """Remove a member; an organisation always keeps at least one admin."""
    organisation_admin_required(organisation=membership.organisation, actor=actor)
    if (
        membership.is_admin
        and not membership.organisation.memberships.filter(role=MembershipRole.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError("An organisation needs at least one admin: appoint another first.")
    membership.delete()
