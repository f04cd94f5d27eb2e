"""What follows an approval: the award and its offer, payments, and the
monitoring returns the grant holder files."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from foundation.templatetags.uk import long_date, pounds


class Award(models.Model):
    application = models.OneToOneField(
        "grants.Application", on_delete=models.PROTECT, related_name="award"
    )
    amount = models.DecimalField(
        "amount (£)", max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    terms = models.TextField(
        help_text="Conditions of the grant, shown in the offer letter.",
        default=(
            "Spend the grant only on the project described in your application. Tell us "
            "straight away if anything changes. Return any money you have not spent. "
            "Send each monitoring return by its due date."
        ),
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    offer_sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_name = models.CharField("signed by", max_length=200, blank=True)

    def __str__(self):
        return f"{pounds(self.amount)} to {self.application.organisation}"


class Payment(models.Model):
    """One instalment: due on a date, approved by one officer, then released
    (marked paid with its reference) by another: no one person can both
    decide a payment is due and send the money."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="payments")
    due_on = models.DateField()
    amount = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    paid_on = models.DateField(null=True, blank=True)
    reference = models.CharField("payment reference", max_length=100, blank=True)
    marked_paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        permissions = [("export_payments", "Can export payments for the finance system")]

    def __str__(self):
        return f"{pounds(self.amount)} due {long_date(self.due_on)}"


class MonitoringReturn(models.Model):
    """A report from the grant holder, due on a date."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="returns")
    due_on = models.DateField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    narrative = models.TextField("what happened", blank=True)
    spend_to_date = models.DecimalField(
        "spent so far (£)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    outcomes = models.TextField("what changed for people", blank=True)
    connections_helped = models.PositiveIntegerField(
        "people helped to make or keep connections with friends, neighbours and family",
        null=True,
        blank=True,
    )
    # An officer reads each return sent: until then it waits on their home.
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return f"Return due {long_date(self.due_on)}"

    def is_late(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.submitted_at is None and self.due_on < today
