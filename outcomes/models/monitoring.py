"""Monitoring that fits the grant: a return form built per programme (or
per contract) from the same question blocks as applications, and the
schedule of returns an officer sets for a grant."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail import blocks
from wagtail.fields import StreamField

from grants.questions import QuestionsBlock

# A return asks what happened, not for documents or a budget to balance
# against an amount asked for: every other application block is offered.
_LEFT_OUT = {"file", "budget_table"}


class ReturnQuestionsBlock(blocks.StreamBlock):
    """The application question blocks a monitoring return may ask."""

    def __init__(self, **kwargs):
        local = [
            (name, block)
            for name, block in QuestionsBlock.base_blocks.items()
            if name not in _LEFT_OUT
        ]
        super().__init__(local, **kwargs)


class MonitoringForm(models.Model):
    """The questions every return of a programme's grants (or of one
    contract) asks, after the standard parts: what happened, spend, social
    value delivered. And the instruments its grantees ask people."""

    programme = models.OneToOneField(
        "grants.Programme",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="monitoring_form",
    )
    contract = models.OneToOneField(
        "commissioning.Contract",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="monitoring_form",
    )
    questions = StreamField(ReturnQuestionsBlock(), blank=True)
    instruments = models.ManyToManyField(
        "outcomes.Instrument",
        blank=True,
        related_name="monitoring_forms",
        help_text="Key Human Indicators the grant holders ask the people they support.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="monitoring_form_for_one_thing",
                condition=(Q(programme__isnull=False) & Q(contract__isnull=True))
                | (Q(programme__isnull=True) & Q(contract__isnull=False)),
            )
        ]

    def __str__(self):
        return f"Monitoring form for {self.programme or self.contract}"

    def clean(self):
        if bool(self.programme_id) == bool(self.contract_id):
            raise ValidationError("Choose either a programme or a contract.")


class ReturnAnswers(models.Model):
    """A return's answers to its programme's questions, by block id."""

    monitoring_return = models.OneToOneField(
        "grants.MonitoringReturn", on_delete=models.CASCADE, related_name="programme_answers"
    )
    answers = models.JSONField(default=dict, blank=True)

    def __str__(self):
        return f"Answers to {self.monitoring_return}"


class Frequency(models.IntegerChoices):
    QUARTERLY = 3, "Every three months"
    HALF_YEARLY = 6, "Every six months"
    YEARLY = 12, "Once a year"


class ReturnSchedule(models.Model):
    """How often a grant reports, set by an officer with the offer: a
    £500 lunch club may report once, a large grant every quarter."""

    award = models.OneToOneField(
        "grants.Award", on_delete=models.CASCADE, related_name="return_schedule"
    )
    every_months = models.PositiveSmallIntegerField(choices=Frequency.choices)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.get_every_months_display()
