"""A commission starts from a need and an options appraisal: could a
community organisation do this better, or with us?"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Commission(models.Model):
    title = models.CharField(max_length=200)
    need = models.TextField(help_text="The need, in the words of the people who have it.")
    neighbourhoods = models.ManyToManyField(
        "neighbourhoods.Neighbourhood", related_name="commissions", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class Option(models.TextChoices):
    GRANT = "grant", "A grant"
    PARTNERSHIP = "partnership", "A partnership with a community organisation"
    COMMUNITY_LED = "community_led", "Community-led delivery"
    TENDER = "tender", "A tender"


class OptionsAppraisal(models.Model):
    """Recorded before any tender: what is already there, the options
    considered and the choice with its reason."""

    commission = models.OneToOneField(
        Commission, on_delete=models.CASCADE, related_name="appraisal"
    )
    assets_considered = models.TextField(
        "community assets already there",
        help_text="Groups, services, buildings and people in these neighbourhoods.",
    )
    community_answer = models.TextField(
        "could a community organisation do this better, or with us?"
    )
    options_considered = models.JSONField(default=list)
    chosen = models.CharField(max_length=20, choices=Option.choices)
    reason = models.TextField("why this option")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Appraisal of {self.commission}"


class ExpressionOfInterest(models.Model):
    """A community organisation's interest in running a service (Community
    Right to Challenge, Localism Act 2011)."""

    commission = models.ForeignKey(
        Commission, on_delete=models.CASCADE, related_name="expressions_of_interest"
    )
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)
    summary = models.TextField()
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["received_at"]

    def __str__(self):
        return f"{self.organisation} on {self.commission}"
