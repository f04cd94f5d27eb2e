"""A grantee's claim for an instalment: what it spent, line by line of the
budget its application promised, with the evidence."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from foundation.files import PrivateName, private_storage


class ClaimState(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for approval"
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned to the grantee"


class Claim(models.Model):
    payment = models.ForeignKey("grants.Payment", on_delete=models.PROTECT, related_name="claims")
    state = models.CharField(
        max_length=20, choices=ClaimState.choices, default=ClaimState.SUBMITTED
    )
    evidence = models.FileField(storage=private_storage, upload_to=PrivateName("claims"))
    evidence_name = models.CharField(max_length=255)
    submitted_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    return_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            # One claim waiting or approved per instalment; a returned claim
            # may be followed by another.
            models.UniqueConstraint(
                fields=["payment"],
                condition=~models.Q(state="returned"),
                name="one_live_claim_per_payment",
            )
        ]

    def __str__(self):
        return f"Claim for {self.payment}"


class ClaimLine(models.Model):
    """Spend against one line of the application's budget."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines")
    item = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.item
