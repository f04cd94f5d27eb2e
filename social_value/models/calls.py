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

from social_value.models.framework import FrameworkState
from social_value.models.panels import (
    ASSIGNMENT_DONE,
    COMMUNITY_VOICE_ROLES,
    SCORING_ROLES,
    Assignment,
)
from social_value.scales import Scale, scale_range


def _pct(value: Decimal) -> str:
    return f"{value.normalize():f}"


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

    def is_published(self) -> bool:
        """Whether the tender or round this call scores has been published:
        its criteria and weights are then a promise to everyone bidding or
        applying. Tenders and rounds point at their call one-to-one (the
        `tender` and `grant_round` accessors), so the call asks them."""
        tender = getattr(self, "tender", None)
        if tender is not None:
            return tender.state not in ("draft", "approved")
        round_ = getattr(self, "grant_round", None)
        return round_ is not None and round_.is_announced()

    @property
    def is_tender(self) -> bool:
        return self.kind == CallKind.TENDER

    @property
    def scale_bounds(self) -> tuple[int, int]:
        return scale_range(self.scale)

    def criteria_problems(self) -> list[str]:
        """Everything wrong with a call's criteria, in words an officer can act on.

        Weights of scored criteria plus price sum to exactly 100. PPN 06/20: on a
        tender, the social value criteria together carry at least the floor
        (10% unless the council sets more). Price belongs to tenders only.
        """
        criteria = list(self.criteria.all())
        problems = []
        if not any(c.kind == CriterionKind.SCORED for c in criteria):
            problems.append("Add at least one scored criterion.")
        weighted = [c for c in criteria if c.kind in (CriterionKind.SCORED, CriterionKind.PRICE)]
        total = sum((c.weight for c in weighted), Decimal(0))
        if total != Decimal(100):
            problems.append(
                f"The weights of scored and price criteria add up to {_pct(total)}, not 100."
            )
        if any(c.kind == CriterionKind.GATEWAY and c.weight for c in criteria):
            problems.append("Gateway criteria are pass or fail and carry no weight.")
        prices = [c for c in criteria if c.kind == CriterionKind.PRICE]
        if prices and not self.is_tender:
            problems.append("Only a tender has a price criterion.")
        if len(prices) > 1:
            problems.append("A tender has one price criterion.")
        if self.is_tender:
            social_value = sum((c.weight for c in criteria if c.is_social_value), Decimal(0))
            if social_value < self.social_value_floor:
                problems.append(
                    f"Social value carries {_pct(social_value)}% of the weight; a tender needs at "
                    f"least {_pct(self.social_value_floor)}% (PPN 06/20)."
                )
        low, high = self.scale_bounds
        for criterion in criteria:
            if criterion.min_score is not None and not low <= criterion.min_score <= high:
                problems.append(
                    f"The minimum on “{criterion.title}” is off the {low}–{high} scale."
                )
        if self.framework_id and self.framework.state != FrameworkState.PUBLISHED:
            problems.append("Choose a published social value framework version.")
        return problems

    def panel_problems(self) -> list[str]:
        """What stops the panel scoring this call, in words an officer can act on."""
        if self.panel_id is None:
            return ["Choose the panel that will score this call."]
        roles = list(self.panel.members.values_list("role", flat=True))
        problems = []
        scorers = sum(1 for role in roles if role in SCORING_ROLES)
        if scorers < self.members_per_submission:
            problems.append(
                f"Each submission needs {self.members_per_submission} scorers; "
                f"the panel has {scorers}."
            )
        if self.requires_lived_experience_member and not any(
            role in COMMUNITY_VOICE_ROLES for role in roles
        ):
            problems.append(
                "This call needs at least one lived-experience or community member on the panel "
                "before scoring opens."
            )
        return problems

    # Conditions are pure: they read, never write.
    def criteria_are_valid(self) -> bool:
        return not self.criteria_problems()

    def panel_is_ready(self) -> bool:
        return not self.panel_problems()

    def all_scores_are_in(self) -> bool:
        return (
            not Assignment.objects.filter(submission__call=self)
            .exclude(state__in=ASSIGNMENT_DONE)
            .exists()
        )

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
