"""Reminders sent, at most once each, and the in-app notifications that
go with them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class ReminderState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"


class Reminder(models.Model):
    """One reminder: a kind, a person, the thing it is about and the due
    date. The unique constraint is what makes a reminder recorded once,
    however often or however many workers sweep; its one e-mail in the
    outbox (`email`) is what makes it sent once."""

    kind = models.CharField(max_length=40)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    due_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(
        max_length=10, choices=ReminderState.choices, default=ReminderState.PENDING
    )
    email = models.OneToOneField(
        "foundation.OutgoingEmail",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reminder",
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    email_subject = models.CharField(max_length=200)
    email_body = models.TextField()
    link = models.CharField(max_length=300)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "recipient", "subject_type", "subject_id", "due_on"],
                name="one_reminder_each",
            )
        ]
        indexes = [models.Index(fields=["state"], name="reminder_state")]

    def __str__(self):
        return f"{self.kind} to {self.recipient} ({self.get_state_display().lower()})"


class Notification(models.Model):
    """What a person sees on their dashboard: the in-app copy of a reminder."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(max_length=300)
    link = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.text


class ReminderSettings(models.Model):
    """A person may switch off reminders that are not about a deadline for
    something they started."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    optional_reminders = models.BooleanField(
        "send me optional reminders",
        default=True,
        help_text="Deadline reminders for things you started are always sent.",
    )

    def __str__(self):
        return f"Reminder settings of {self.user}"
