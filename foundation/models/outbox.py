"""The outbox: every e-mail the site sends is first a row here, written in
the same transaction as the change it reports, and only then sent by a
Celery task (see `foundation/delivery.py`). A change that is rolled back
sends nothing; a change that is committed is e-mailed even if the mail
server or the broker is down at that moment."""

import uuid

from django.db import models
from django.utils import timezone


class OutgoingEmailState(models.TextChoices):
    QUEUED = "queued", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"


class OutgoingEmail(models.Model):
    """One message to one address.

    A sender claims a row for a short lease (`claim`, `claimed_until`) and
    marks it sent in its own transaction as soon as the mail server has
    accepted it; a row whose lease ran out belongs to a sender that died
    and is taken again.
    """

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # What the e-mail is, in the officers' words ("Application submitted").
    topic = models.CharField(max_length=120)
    # Which app hears how it went (see `delivery.outcome_listener`), if any.
    source = models.CharField(max_length=40, blank=True)
    # Makes queueing the same e-mail twice harmless ("reminder:42").
    key = models.CharField(max_length=120, unique=True, null=True, blank=True)
    to = models.CharField(max_length=254)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    # A body carrying a sign-in or confirmation link is erased once sent
    # and never shown to officers.
    sensitive = models.BooleanField(default=False)
    state = models.CharField(
        max_length=10, choices=OutgoingEmailState.choices, default=OutgoingEmailState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claim = models.CharField(max_length=40, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The mail server's own words for the last failure.
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "outgoing e-mail"
        verbose_name_plural = "outgoing e-mails"
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["state", "claimed_until"], name="outbox_lease"),
        ]

    def __str__(self):
        return f"{self.topic} to {self.to} ({self.get_state_display().lower()})"
