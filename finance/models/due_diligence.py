"""Due diligence before an offer: what each programme requires, and what an
officer recorded as done for each application."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class DueDiligenceCheck(models.TextChoices):
    GOVERNING_DOCUMENT = "governing_document", "Governing document"
    SAFEGUARDING = "safeguarding", "Safeguarding policy"
    INSURANCE = "insurance", "Insurance"
    ACCOUNTS = "accounts", "Latest accounts"
    REGISTRATION = "registration", "Charity or company registration"


CHECKS = list(DueDiligenceCheck)


class ProgrammeFinance(models.Model):
    """A programme's money-out settings: the checks every grant needs before
    its offer is sent, and the agreement its grantees sign."""

    programme = models.OneToOneField(
        "grants.Programme", on_delete=models.CASCADE, related_name="finance"
    )
    needs_governing_document = models.BooleanField("governing document", default=True)
    needs_safeguarding = models.BooleanField("safeguarding policy", default=True)
    needs_insurance = models.BooleanField("insurance", default=True)
    needs_accounts = models.BooleanField("latest accounts", default=True)
    needs_registration = models.BooleanField(
        "charity or company registration checked on the register", default=True
    )
    agreement_template = models.ForeignKey(
        "finance.AgreementTemplate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The grant agreement this programme's grantees sign.",
    )

    class Meta:
        verbose_name = "programme's due diligence and agreement"
        verbose_name_plural = "programmes' due diligence and agreements"

    def __str__(self):
        return f"Due diligence and agreement for {self.programme}"

    def required(self) -> list[DueDiligenceCheck]:
        return [check for check in CHECKS if getattr(self, f"needs_{check.value}")]


class DueDiligenceRecord(models.Model):
    """One check done for one application, by whom and when. The
    registration check keeps the number checked and the name the register
    gives, as the officer typed it from the register."""

    application = models.ForeignKey(
        "grants.Application", on_delete=models.CASCADE, related_name="due_diligence"
    )
    kind = models.CharField(max_length=30, choices=DueDiligenceCheck.choices)
    note = models.CharField("what was checked", max_length=500)
    register_number = models.CharField(max_length=20, blank=True)
    registered_as = models.CharField("name on the register", max_length=200, blank=True)
    done_at = models.DateTimeField(default=timezone.now)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="one_record_per_check")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.application_id}"
