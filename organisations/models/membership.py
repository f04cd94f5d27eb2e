"""Who belongs to which partner organisation, and the invitations that
bring people in."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description


class MembershipRole(models.TextChoices):
    ADMIN = "admin", "Organisation admin"
    MEMBER = "member", "Member"


class OrganisationMembership(models.Model):
    """A person acting for an organisation. An organisation admin invites
    and removes members; every member can work on the organisation's
    applications and bids."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["organisation__name", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="one_membership_per_person"
            )
        ]

    def __str__(self):
        return f"{self.user} at {self.organisation} ({self.get_role_display()})"

    @property
    def is_admin(self) -> bool:
        return self.role == MembershipRole.ADMIN


def invitation_token() -> str:
    return secrets.token_urlsafe(32)


class InvitationState(models.TextChoices):
    PENDING = "pending", "Waiting for a reply"
    ACCEPTED = "accepted", "Accepted"
    REVOKED = "revoked", "Withdrawn"
    EXPIRED = "expired", "Lapsed"


class OrganisationInvitation(FSMModelMixin, models.Model):
    """An organisation admin's invitation to someone, by e-mail, to join."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField("e-mail address")
    role = models.CharField(
        max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=invitation_token, editable=False)
    state = FSMField(
        default=InvitationState.PENDING, choices=InvitationState.choices, protected=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(state="pending"),
                name="one_pending_invitation_per_address",
            )
        ]

    def __str__(self):
        return f"Invitation to {self.email} for {self.organisation}"

    def is_current(self) -> bool:
        """Still within its validity: a lapsed invitation cannot be accepted."""
        return timezone.now() < self.expires_at

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state,
        source=InvitationState.PENDING,
        target=InvitationState.ACCEPTED,
        conditions=[is_current],
    )
    def accept(self, *, by, description=None):
        self.accepted_by = by

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=InvitationState.PENDING, target=InvitationState.REVOKED)
    def revoke(self, *, by, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=InvitationState.PENDING, target=InvitationState.EXPIRED)
    def expire(self, *, by=None, description=None):
        pass
