"""The finance team's step between an officer's approval and the money
going: the release, then the export to the finance system."""

from django.conf import settings
from django.db import models


class PaymentRelease(models.Model):
    payment = models.OneToOneField(
        "grants.Payment", on_delete=models.PROTECT, related_name="release"
    )
    released_at = models.DateTimeField()
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    exported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        permissions = [
            ("release_payment", "Can release approved payments and export them to finance")
        ]

    def __str__(self):
        return f"Release of {self.payment}"
