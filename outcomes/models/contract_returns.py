"""Monitoring returns for contracts: the dates a commissioner sets on a
contract, and what its supplier files on each. The standard parts are the
grant return's (what happened, spend so far, social value delivered)
and, for a contract, what was achieved against each key performance
indicator; then the contract's own monitoring form questions."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from foundation.templatetags.uk import long_date


class ContractReturn(models.Model):
    contract = models.ForeignKey(
        "commissioning.Contract", on_delete=models.CASCADE, related_name="monitoring_returns"
    )
    due_on = models.DateField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    narrative = models.TextField("what happened", blank=True)
    spend_to_date = models.DecimalField(
        "spent so far (£)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    # Answers to the contract's monitoring form, by question block id.
    answers = models.JSONField(default=dict, blank=True)
    # The rows the return wrote, so the return shows exactly what it said
    # even when the supplier also reports on the contract page.
    indicator_reports = models.ManyToManyField(
        "commissioning.DeliveryReport", blank=True, related_name="+"
    )
    social_value_reports = models.ManyToManyField(
        "social_value.DeliveryReport", blank=True, related_name="+"
    )

    class Meta:
        ordering = ["contract", "due_on"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "due_on"], name="one_contract_return_a_day")
        ]

    def __str__(self):
        return f"Contract return due {long_date(self.due_on)}"

    def is_late(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.submitted_at is None and self.due_on < today
