"""Officers try again an e-mail that could not be sent."""

from django.core.exceptions import PermissionDenied

from foundation.models import OutgoingEmail
from foundation.outbox import outgoing_email_retry
from people.models import User
from reminders.selectors import MAIL_WATCH_PERMISSION


def failed_email_retry(*, email_id: int, actor: User) -> OutgoingEmail:
    """Queue a failed e-mail again, audited; a reminder goes back to
    waiting with it. Refused to anyone who may not see failed e-mail."""
    if not actor.has_perm(MAIL_WATCH_PERMISSION):
        raise PermissionDenied("Only officers who follow reminders can try e-mails again.")
    return outgoing_email_retry(email_id=email_id, actor=actor)
