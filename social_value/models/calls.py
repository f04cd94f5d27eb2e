"""A scorable call, the scoring side of a grant round or a tender, and its
criteria."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django_fsm import FSMField, FSMModelMixin, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from social_value.scales import Scale, scale_range


class CallKind(models.TextChoices):
    GRANT_ROUND = "grant_round", "Grant round"
    TENDER = "tender", "Tender"


class CallState(models.TextChoices):
    SETUP = "setup", "Being set up"
    SCORING = "scoring", "Panel scoring"
    MODERATION = "moderation", "Moderation"
    RANKED = "ranked", "Ranked"


class Call(FSMModelMixin, ClusterableModel):
    """What a panel scores: its criteria and weights, scale, panel and the
    social value framework version it uses. A grant round or a tender owns
    one; the engine does not need to know which beyond the rules that differ
    (price and the social value floor are for tenders)."""

    title = models.CharField(max_length=250)
    kind = models.CharField(max_length=16, choices=CallKind.choices)
    framework = models.ForeignKey(
        "social_value.Framework",
        on_delete=models.PROTECT,
        related_name="calls",
        help_text="The published framework version commitments are valued on.",
    )
    scale = models.CharField(max_length=4, choices=Scale.choices, default=Scale.ZERO_TO_FIVE)
    social_value_floor = models.DecimalField(
        "minimum social value weight (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal(settings.SOCIAL_VALUE_MIN_WEIGHT),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Tenders only. PPN 06/20 asks for at least 10%.",
    )
    disagreement_threshold = models.PositiveSmallIntegerField(
        "flag disagreements of at least (points)",
        default=settings.SCORING_DISAGREEMENT_THRESHOLD,
        validators=[MinValueValidator(1)],
    )
    panel = models.ForeignKey(
        "social_value.Panel", null=True, blank=True, on_delete=models.PROTECT, related_name="calls"
    )
    members_per_submission = models.PositiveSmallIntegerField(
        "panel members scoring each submission", default=3, validators=[MinValueValidator(1)]
    )
    requires_lived_experience_member = models.BooleanField(
        "panel must include a lived-experience or community member",
        default=True,
        help_text="Scoring cannot open until the panel has one.",
    )
    scoring_deadline = models.DateTimeField(null=True, blank=True)
    state = FSMField(default=CallState.SETUP, choices=CallState.choices, protected=True)

    class Meta:
        ordering = ["-pk"]
        permissions = [
            ("moderate_call", "Can moderate and rank a call's submissions"),
            ("manage_panel", "Can build a panel and assign its members"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_tender(self) -> bool:
        return self.kind == CallKind.TENDER

    @property
    def scale_bounds(self) -> tuple[int, int]:
        return scale_range(self.scale)

    # Conditions are pure: they read, never write.
    def criteria_are_valid(self) -> bool:
        from social_value.services.calls import call_criteria_problems

        return not call_criteria_problems(call=self)

    def panel_is_ready(self) -> bool:
        from social_value.services.panels import panel_problems

        return not panel_problems(call=self)

    def all_scores_are_in(self) -> bool:
        from social_value.selectors import assignments_outstanding

        return not assignments_outstanding(call=self).exists()

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state,
        source=CallState.SETUP,
        target=CallState.SCORING,
        conditions=[criteria_are_valid, panel_is_ready],
    )
    def open_scoring(self, *, by=None, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state,
        source=CallState.SCORING,
        target=CallState.MODERATION,
        conditions=[all_scores_are_in],
    )
    def open_moderation(self, *, by=None, description=None):
        pass

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=CallState.MODERATION, target=CallState.RANKED)
    def confirm_ranking(self, *, by=None, description=None):
        pass


class CriterionKind(models.TextChoices):
    GATEWAY = "gateway", "Gateway (pass or fail)"
    SCORED = "scored", "Scored"
    PRICE = "price", "Price"


class Criterion(models.Model):
    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="criteria")
    sort_order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=CriterionKind.choices)
    title = models.CharField(max_length=250)
    guidance = models.TextField(
        "guidance for scorers", blank=True, help_text="What a good answer shows."
    )
    weight = models.DecimalField(
        "weight (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    is_social_value = models.BooleanField(
        "social value criterion",
        default=False,
        help_text="Counts towards the social value weight and the first tie-break.",
    )
    theme = models.ForeignKey(
        "social_value.Theme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="criteria",
        help_text="The framework theme this criterion assesses, if any.",
    )
    min_score = models.PositiveSmallIntegerField(
        "minimum score",
        null=True,
        blank=True,
        help_text="A submission moderated below this fails, whatever its total.",
    )

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name_plural = "criteria"

    def __str__(self):
        return self.title

    @property
    def is_scored(self) -> bool:
        return self.kind == CriterionKind.SCORED

    def clean(self):
        errors = {}
        if self.kind == CriterionKind.GATEWAY and self.weight:
            errors["weight"] = "A gateway criterion is pass or fail: it carries no weight."
        if self.kind != CriterionKind.SCORED and self.min_score is not None:
            errors["min_score"] = "Only a scored criterion has a minimum score."
        if self.kind == CriterionKind.PRICE and self.is_social_value:
            errors["is_social_value"] = "Price cannot count as social value."
        if self.min_score is not None and self.call_id:
            low, high = self.call.scale_bounds
            if not low <= self.min_score <= high:
                errors["min_score"] = f"The minimum must be on the call's scale, {low} to {high}."
        if errors:
            raise ValidationError(errors)
