"""Reads for officers: the e-mails that could not be sent (reminders and
every other notification alike, as all go through the one outbox)."""

from django.db.models import Count, Q

from foundation.models import OutgoingEmail, OutgoingEmailState

# Officers who watch reminders watch the rest of the site's e-mail too.
MAIL_WATCH_PERMISSION = "reminders.view_reminder"


def failed_emails():
    """Newest first. The bodies are left out: some carry sign-in links."""
    return (
        OutgoingEmail.objects.filter(state=OutgoingEmailState.FAILED)
        .only("pk", "topic", "to", "subject", "attempts", "error", "created_at")
        .order_by("-created_at", "-pk")
    )


def mail_trouble_counts() -> dict[str, int]:
    """How many e-mails failed for good, and how many wait to be tried
    again after a temporary failure: one query."""
    return OutgoingEmail.objects.aggregate(
        failed=Count("pk", filter=Q(state=OutgoingEmailState.FAILED)),
        retrying=Count("pk", filter=Q(state=OutgoingEmailState.QUEUED, attempts__gt=0)),
    )
