"""Programmes (funds) and their rounds."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.fields import StreamField

from grants.questions import QuestionsBlock
from organisations.models import LegalForm


class Programme(models.Model):
    """A fund with a purpose and a budget, run through one or more rounds."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    outcomes_sought = models.TextField(
        "outcomes it seeks", help_text="What change the programme funds, in plain words."
    )
    budget = models.DecimalField(
        "budget (£)", max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="programmes_owned"
    )
    # A council opts each fund into its open data: grants decided before
    # this date were made without telling applicants they would be published.
    publish_360giving_from = models.DateField(
        "publish grants as 360Giving open data from",
        null=True,
        blank=True,
        help_text="Grants approved on or after this date are published. "
        "Leave empty to publish none of this programme's grants.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Round(models.Model):
    """One call for applications. Its dates are stored in UTC and shown in
    UK time, so a round closing at noon closes at noon in GMT and in BST."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="rounds")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(blank=True)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    budget = models.DecimalField(
        "budget (£)", max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    minimum_award = models.DecimalField(
        "smallest grant (£)", max_digits=12, decimal_places=2, default=Decimal(0)
    )
    maximum_award = models.DecimalField("largest grant (£)", max_digits=12, decimal_places=2)
    allowed_legal_forms = models.JSONField(
        default=list,
        blank=True,
        help_text="Leave empty to accept every legal form.",
    )
    maximum_annual_income = models.DecimalField(
        "largest annual income of an applicant (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    neighbourhoods = models.ManyToManyField(
        "neighbourhoods.Neighbourhood",
        blank=True,
        related_name="rounds",
        help_text="Applicants must serve at least one of these. Leave empty for the whole area.",
    )
    call = models.OneToOneField(
        "social_value.Call",
        on_delete=models.PROTECT,
        related_name="grant_round",
        help_text="Criteria, weights, scale and panel for scoring this round.",
    )
    questions = StreamField(QuestionsBlock(), blank=True)

    class Meta:
        ordering = ["-closes_at"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = "The round must close after it opens."
        if (
            self.minimum_award is not None
            and self.maximum_award is not None
            and self.maximum_award < self.minimum_award
        ):
            errors["maximum_award"] = "The largest grant cannot be below the smallest."
        unknown = set(self.allowed_legal_forms or []) - set(LegalForm.values)
        if unknown:
            errors["allowed_legal_forms"] = f"Unknown legal forms: {', '.join(sorted(unknown))}."
        if errors:
            raise ValidationError(errors)

    def is_open(self, at=None) -> bool:
        """Open from `opens_at` up to, not including, the `closes_at` second,
        once its launch is approved."""
        at = at or timezone.now()
        return self.is_launched() and self.opens_at <= at < self.closes_at

    def is_launched(self) -> bool:
        """A round's launch is approved by an officer other than the one who
        sent it (grants.models.launches); a round from before launches were
        approved has no launch record and opens by its dates."""
        launch = getattr(self, "launch", None)
        return launch is None or launch.state == "approved"

    def is_announced(self, now=None) -> bool:
        """Announced once it has opened, anyone has applied (a draft counts)
        or its call page is live. From then its dates are a promise: they
        move only by a recorded change (grants.services.deadlines)."""
        now = now or timezone.now()
        if self.opens_at and self.opens_at <= now:
            return True
        if self.pk and self.applications.exists():
            return True
        call_page = getattr(self, "call_page", None)
        return bool(call_page is not None and call_page.live)
