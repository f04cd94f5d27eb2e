"""Reminders and notifications sent to a person: kept a year after they
were sent, then the e-mail's words are removed (the row stays, so the same
reminder is never sent twice) and the dashboard notification deleted. See
foundation.personal_data."""

from datetime import datetime

from django.db.models import Q

from foundation.personal_data import (
    OnErasure,
    PersonalRecords,
    RetentionKind,
    personal_records_register,
    retention_kinds_register,
)

SENT = "reminders.sent"

KINDS = [
    RetentionKind(
        key=SENT,
        label="Reminders and notifications sent to you",
        months=12,
        starts="after they were sent",
        purpose="so that we can show what we told you and when",
    ),
]


def _reminder_sent_before(cutoffs: dict[str, datetime]) -> Q:
    return Q(created_at__lt=cutoffs[SENT]) & ~Q(state="pending")


def _notified_before(cutoffs: dict[str, datetime]) -> Q:
    return Q(created_at__lt=cutoffs[SENT])


RECORDS = [
    PersonalRecords(
        model="reminders.Reminder",
        label="Reminders e-mailed to them",
        people=("recipient",),
        shown=("kind", "due_on", "state", "sent_at", "email_subject"),
        erase={"email_subject": "Removed", "email_body": ""},
        retention=(SENT,),
        expired=_reminder_sent_before,
    ),
    PersonalRecords(
        model="reminders.Notification",
        label="Notifications on their dashboard",
        people=("user",),
        shown=("text", "created_at", "read_at"),
        on_erasure=OnErasure.DELETE,
        retention=(SENT,),
        expired=_notified_before,
    ),
    PersonalRecords(
        model="reminders.ReminderSettings",
        label="Reminder settings",
        people=("user",),
        shown=("optional_reminders",),
        on_erasure=OnErasure.DELETE,
    ),
]


def register() -> None:
    retention_kinds_register(*KINDS)
    personal_records_register(*RECORDS)
