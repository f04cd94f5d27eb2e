"""The social value framework as data: themes, outcomes, measures.

Councils edit a draft framework; publishing freezes it. A call scores
against one published version, so a closed tender keeps the framework it
was scored on even after the council moves to a new version.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django_fsm import FSMField, FSMModelMixin, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description

from foundation.templatetags.uk import pounds

FROZEN_MESSAGE = (
    "This framework version is published and frozen: calls were scored on it. "
    "Start a new version to change it."
)


class FrameworkState(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    RETIRED = "retired", "Retired"


class Framework(FSMModelMixin, models.Model):
    name = models.CharField(max_length=200)
    version = models.PositiveIntegerField(default=1)
    description = models.TextField(blank=True)
    state = FSMField(default=FrameworkState.DRAFT, choices=FrameworkState.choices, protected=True)
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="successors"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="one_framework_version")
        ]

    def __str__(self):
        return f"{self.name} (version {self.version}, {self.get_state_display().lower()})"

    @property
    def is_frozen(self) -> bool:
        return self.state != FrameworkState.DRAFT

    def has_measures(self) -> bool:
        return Measure.objects.filter(outcome__theme__framework=self).exists()

    @fsm_log_by
    @fsm_log_description
    @transition(
        field=state,
        source=FrameworkState.DRAFT,
        target=FrameworkState.PUBLISHED,
        conditions=[has_measures],
    )
    def publish(self, *, by=None, description=None):
        from django.utils import timezone

        self.published_at = timezone.now()

    @fsm_log_by
    @fsm_log_description
    @transition(field=state, source=FrameworkState.PUBLISHED, target=FrameworkState.RETIRED)
    def retire(self, *, by=None, description=None):
        pass


class _FrozenWithFramework(models.Model):
    """Parts of a framework can change only while it is a draft."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.clean()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.clean()
        return super().delete(*args, **kwargs)

    def framework_of(self) -> Framework:
        raise NotImplementedError

    def clean(self):
        framework = self.framework_of()
        if framework is not None and framework.is_frozen:
            raise ValidationError(FROZEN_MESSAGE)


class Theme(_FrozenWithFramework):
    """E.g. PPN 06/20's "Fighting climate change"."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="themes")
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["framework", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="theme_code_per_framework")
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def framework_of(self):
        return self.framework if self.framework_id else None


class Outcome(_FrozenWithFramework):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="outcomes")
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=300)

    class Meta:
        ordering = ["theme", "code"]

    def __str__(self):
        return f"{self.code} {self.name}"

    def framework_of(self):
        return self.theme.framework if self.theme_id else None


class Unit(models.TextChoices):
    HOURS = "hours", "hours"
    FTE = "fte", "full-time equivalent jobs"
    POUNDS = "gbp", "£ spent"
    PEOPLE = "people", "people"
    TONNES_CO2E = "tco2e", "tonnes CO2e"
    WEEKS = "weeks", "weeks"


class Measure(_FrozenWithFramework):
    """Something a bidder can commit to, with what one unit is worth."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="measures")
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=300)
    unit = models.CharField(max_length=10, choices=Unit.choices)
    proxy_value = models.DecimalField(
        "proxy value (£ per unit)",
        max_digits=12,
        decimal_places=2,
        help_text="What one unit is worth to the area, in pounds.",
    )
    evidence_required = models.TextField(
        "evidence a bidder must give", help_text="What proves delivery of this measure."
    )
    first_year_only = models.BooleanField(
        "counts in the first year only",
        default=False,
        help_text="Delivery counts only in the first twelve months of the award.",
    )

    class Meta:
        ordering = ["outcome__theme__code", "code"]

    def __str__(self):
        return f"{self.code} {self.name} ({pounds(self.proxy_value)} per {self.get_unit_display()})"

    def framework_of(self):
        return self.outcome.theme.framework if self.outcome_id else None
