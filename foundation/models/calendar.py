"""The bank holidays every working-day count skips."""

from django.db import models

from foundation.templatetags.uk import long_date


class BankHoliday(models.Model):
    """England and Wales bank holidays: the calendar standstill counts on."""

    date = models.DateField(unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["date"]

    def __str__(self):
        return f"{self.name} {long_date(self.date)}"
