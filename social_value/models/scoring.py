"""Submissions as the panel sees them, members' scores, moderated scores
and confirmed rankings."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from foundation.templatetags.uk import date_and_time


class Submission(models.Model):
    """Anything a panel scores: a grant application or a bid plugs in here
    through `source`. The engine reads only these fields."""

    call = models.ForeignKey(
        "social_value.Call", on_delete=models.CASCADE, related_name="submissions"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="submissions"
    )
    reference = models.CharField(max_length=40)
    title = models.CharField(max_length=250)
    content = models.TextField(
        "what the panel reads", blank=True, help_text="Answers and method statements."
    )
    price = models.DecimalField("price (£)", max_digits=14, decimal_places=2, null=True, blank=True)
    compliant = models.BooleanField(
        default=True, help_text="False when the compliance check found it non-compliant."
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.UniqueConstraint(fields=["call", "reference"], name="submission_reference"),
            models.UniqueConstraint(
                fields=["call", "source_type", "source_id"], name="one_submission_per_source"
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"


class Score(models.Model):
    """A member's score on one criterion, with the reason for it. Editable
    while the assignment is being scored; locked once submitted."""

    assignment = models.ForeignKey(
        "social_value.Assignment", on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        "social_value.Criterion", on_delete=models.CASCADE, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="one_score_each")
        ]

    def __str__(self):
        return f"{self.score} on {self.criterion}"


class ModeratedScore(models.Model):
    """The panel's agreed score on a criterion (or pass/fail on a gateway),
    with its rationale. Never updated: a later row supersedes an earlier
    one, so the moderation's history is kept."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="moderated_scores"
    )
    criterion = models.ForeignKey(
        "social_value.Criterion", on_delete=models.CASCADE, related_name="moderated_scores"
    )
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    rationale = models.TextField()
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["moderated_at", "pk"]
        indexes = [models.Index(fields=["submission", "criterion", "moderated_at"])]

    def __str__(self):
        return f"{self.submission}: {self.criterion} moderated"


class Ranking(models.Model):
    """A ranking as confirmed, with who confirmed it and when. `rows` keeps
    every figure and exclusion reason exactly as shown at that moment."""

    call = models.ForeignKey("social_value.Call", on_delete=models.CASCADE, related_name="rankings")
    rows = models.JSONField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-confirmed_at"]

    def __str__(self):
        return f"Ranking of {self.call} confirmed {date_and_time(self.confirmed_at)}"
