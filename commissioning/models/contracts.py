"""What a contract is held to, and what its bidders were told.

A key performance indicator is a measure with a target, never free text,
so the contract page can set each report against its target. Outcome
letters are kept as sent: the words a bidder read at intended award and
at award stay the words on record, whatever is corrected later.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class KeyPerformanceIndicator(models.Model):
    contract = models.ForeignKey(
        "commissioning.Contract", on_delete=models.CASCADE, related_name="indicators"
    )
    measure = models.CharField(max_length=200, help_text="What is counted, in plain words.")
    target = models.DecimalField(max_digits=12, decimal_places=2)
    unit = models.CharField(max_length=40, help_text="People, visits, per cent…")

    class Meta:
        ordering = ["contract", "pk"]

    def __str__(self):
        return f"{self.measure}: {self.target.normalize():f} {self.unit}"


class DeliveryReport(models.Model):
    """What the supplier delivered against one indicator in a period."""

    indicator = models.ForeignKey(
        KeyPerformanceIndicator, on_delete=models.CASCADE, related_name="reports"
    )
    period_ending = models.DateField()
    achieved = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.TextField(blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["indicator", "period_ending", "pk"]

    def __str__(self):
        return f"{self.indicator.measure} to {self.period_ending}"


class LetterKind(models.TextChoices):
    STANDSTILL = "standstill", "Intended award and standstill"
    AWARD = "award", "Award confirmed"


class OutcomeLetter(models.Model):
    bid = models.ForeignKey("commissioning.Bid", on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(max_length=12, choices=LetterKind.choices)
    subject = models.CharField(max_length=250)
    body = models.TextField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["bid", "sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["bid", "kind"], name="one_letter_of_each_kind")
        ]

    def __str__(self):
        return self.subject
