"""What the reports keep of their own: the deprivation measure the council
loads, and a record of every export made."""

from django.conf import settings
from django.db import models
from django.utils import timezone

REPORTS = "reports.view_reports"


class DeprivationArea(models.Model):
    """One small area's Index of Multiple Deprivation, as the council loads
    it (by LSOA or ward, from the English Indices of Deprivation or the
    council's own measure). A neighbourhood is matched to its areas by the
    ONS codes it lists; its measure is the mean score of those areas."""

    code = models.CharField("ONS code", max_length=12, unique=True)
    name = models.CharField(max_length=200, blank=True)
    score = models.DecimalField(
        "deprivation score", max_digits=7, decimal_places=3, help_text="Higher is more deprived."
    )
    decile = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1 is the most deprived tenth of areas in England."
    )
    loaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}".strip()


class Export(models.Model):
    """One export someone made: who, when, what and with which filter. Each
    is written to the audit trail as well."""

    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)
    dataset = models.CharField(max_length=40)
    file_format = models.CharField(max_length=4)
    filters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-made_at", "-pk"]
        permissions = [
            ("view_reports", "Can see reports across programmes and export their data"),
        ]

    def __str__(self):
        return f"{self.dataset} ({self.file_format.upper()})"
