"""How long each kind of record naming a person is kept.

The kinds, their defaults and what the privacy page says of them are
declared in code by each app (`<app>/personal_data.py`); an administrator
may lengthen or shorten a period here. The monthly sweep
(`people.services.retention`) anonymises what has passed its period.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from foundation.personal_data import retention_kinds


class RetentionRule(models.Model):
    kind = models.CharField(max_length=60, unique=True, editable=False)
    months = models.PositiveIntegerField(
        "kept for (months)",
        validators=[MinValueValidator(1), MaxValueValidator(1200)],
        help_text="The privacy page states this period; the monthly sweep anonymises "
        "records once it has passed.",
    )
    reason = models.TextField(
        "reason for the period",
        blank=True,
        help_text="Why this period, if it differs from the default: for the record of processing.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = "retention period"
        permissions = [
            ("manage_personal_data", "Can export and erase the personal data held about a person")
        ]

    def __str__(self):
        kinds = {kind.key: kind.label for kind in retention_kinds()}
        return kinds.get(self.kind, self.kind)
