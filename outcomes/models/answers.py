"""What people say: answers to an instrument, with nothing that names them.

A response holds no name, e-mail address, IP address or account: only the
grant it was collected under, the day, and whether the person answered
themselves (through an anonymous link) or the grant holder entered it."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def _token() -> str:
    # 256 bits: a link cannot be guessed, only given.
    return secrets.token_urlsafe(32)


class AnswerLink(models.Model):
    """The link a grant holder gives out so people answer by themselves,
    signed out. It leads to one instrument for one grant."""

    award = models.ForeignKey("grants.Award", on_delete=models.CASCADE, related_name="answer_links")
    instrument = models.ForeignKey(
        "outcomes.Instrument", on_delete=models.PROTECT, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["award", "instrument"],
                condition=models.Q(closed_at__isnull=True),
                name="one_open_answer_link",
            )
        ]

    def __str__(self):
        return f"Link to {self.instrument} for {self.award}"


class Given(models.TextChoices):
    PERSON = "person", "Given by the person"
    GRANT_HOLDER = "grant_holder", "Entered by the grant holder"


class Response(models.Model):
    """One person's answers on one day."""

    award = models.ForeignKey("grants.Award", on_delete=models.PROTECT, related_name="responses")
    instrument = models.ForeignKey(
        "outcomes.Instrument", on_delete=models.PROTECT, related_name="responses"
    )
    collected_on = models.DateField(default=timezone.localdate)
    given = models.CharField(max_length=20, choices=Given.choices)

    class Meta:
        indexes = [models.Index(fields=["instrument", "collected_on"])]

    def __str__(self):
        return f"Answers to {self.instrument} on {self.collected_on.isoformat()}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    # A question the council later removes keeps its answers out of results.
    question = models.ForeignKey(
        "outcomes.InstrumentQuestion", null=True, on_delete=models.SET_NULL, related_name="answers"
    )
    score = models.IntegerField()
    # The level's value in the licensed value set when answered, if any.
    value = models.DecimalField(max_digits=8, decimal_places=4, null=True, blank=True)

    def __str__(self):
        return f"{self.question}: {self.score}"
