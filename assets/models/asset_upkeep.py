"""Keeping the asset map living: organisations claim their listings, anyone
suggests a new asset or a correction, and every change is kept."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, FSMModelMixin, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description

from foundation.templatetags.uk import date_and_time

REVIEWER = "assets.change_asset"


class ClaimState(models.TextChoices):
    UNREVIEWED = "unreviewed", "Waiting for review"
    CONFIRMED = "confirmed", "Confirmed"
    DENIED = "denied", "Denied"
    REVOKED = "revoked", "Revoked"


class AssetClaim(FSMModelMixin, models.Model):
    """An organisation's claim to hold or run an asset, reviewed by an officer."""

    asset = models.ForeignKey("assets.Asset", on_delete=models.CASCADE, related_name="claims")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="asset_claims"
    )
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    claimed_at = models.DateTimeField(default=timezone.now)
    state = FSMField(default=ClaimState.UNREVIEWED, choices=ClaimState.choices, protected=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-claimed_at"]

    def __str__(self):
        return f"{self.organisation} claims {self.asset}"

    def _decide(self, by, reason):
        self.decided_by, self.decided_at, self.reason = by, timezone.now(), reason

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state, source=ClaimState.UNREVIEWED, target=ClaimState.CONFIRMED, permission=REVIEWER
    )
    def confirm(self, *, by, reason="", description=None):
        self._decide(by, reason)

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state, source=ClaimState.UNREVIEWED, target=ClaimState.DENIED, permission=REVIEWER
    )
    def deny(self, *, by, reason, description=None):
        self._decide(by, reason)

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state, source=ClaimState.CONFIRMED, target=ClaimState.REVOKED, permission=REVIEWER
    )
    def revoke(self, *, by, reason, description=None):
        self._decide(by, reason)


class AssetChange(models.Model):
    """One change to a listing: who, when, and each field's old and new value."""

    asset = models.ForeignKey("assets.Asset", on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    fields = models.JSONField(help_text="field -> [old, new]")
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"Change to {self.asset}, {date_and_time(self.changed_at)}"


class SuggestionState(models.TextChoices):
    PENDING = "pending", "Waiting for moderation"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class AssetSuggestion(models.Model):
    """A new asset or a correction from anyone, moderated by an officer."""

    asset = models.ForeignKey(
        "assets.Asset",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suggestions",
        help_text="Empty for a suggested new asset.",
    )
    proposed = models.JSONField(help_text="field -> suggested value")
    suggested_by_name = models.CharField(max_length=200, blank=True)
    suggested_by_email = models.EmailField(blank=True)
    suggested_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(
        max_length=10, choices=SuggestionState.choices, default=SuggestionState.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-suggested_at"]

    def __str__(self):
        return f"Suggestion for {self.asset or 'a new asset'}"
