"""Social value commitments: what a bidder promised, valued, and later
what was delivered against each promise."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from foundation.calendar import calendar_year_containing, period_end
from foundation.money import money_round


class Commitment(models.Model):
    submission = models.ForeignKey(
        "social_value.Submission", on_delete=models.CASCADE, related_name="commitments"
    )
    measure = models.ForeignKey(
        "social_value.Measure", on_delete=models.PROTECT, related_name="commitments"
    )
    quantity = models.DecimalField(
        max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    evidence_note = models.TextField(
        "how delivery will be evidenced", blank=True, help_text="What you will show us."
    )
    delivery_starts = models.DateField(
        null=True, blank=True, help_text="Set at award: when delivery is counted from."
    )

    class Meta:
        ordering = ["measure__code"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "measure"], name="one_commitment_each")
        ]

    def __str__(self):
        return f"{self.quantity} × {self.measure.name}"

    @property
    def value(self) -> Decimal:
        """Promised quantity × the measure's proxy value, in pounds, rounded
        half up to the penny as every computed amount is."""
        return money_round(self.quantity * self.measure.proxy_value)

    def clean(self):
        if (
            self.submission_id
            and self.measure_id
            and self.measure.outcome.theme.framework_id != self.submission.call.framework_id
        ):
            raise ValidationError(
                {"measure": "Choose a measure from the framework this call is scored on."}
            )

    def counts_on(self, day) -> bool:
        """Whether delivery on this day counts: a first-year-only measure
        counts in the calendar year beginning with the day delivery starts
        (1 March 2027 to 29 February 2028: a leap year's 366 days)."""
        if not self.measure.first_year_only or self.delivery_starts is None:
            return True
        return day <= period_end(self.delivery_starts, years=1)

    def year_of(self, day) -> tuple | None:
        """The first and last day of the delivery year, a calendar year
        counted from the day delivery starts, that holds `day`."""
        if self.delivery_starts is None:
            return None
        return calendar_year_containing(self.delivery_starts, day)


class DeliveryReport(models.Model):
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="delivery_reports"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    quantity_delivered = models.DecimalField(
        max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    evidence = models.TextField()
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["period_start", "pk"]

    def __str__(self):
        return f"{self.quantity_delivered} delivered {self.period_start}–{self.period_end}"

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "The period must end after it starts."})
