"""A reminder follows its e-mail: sent (and then shown on the person's
dashboard), failed with the server's words, or back to waiting when an
officer tries it again. Called by the outbox's sender in the transaction
that records the e-mail's fate, so the two never disagree."""

from foundation.models import OutgoingEmail, OutgoingEmailState
from reminders.models import Notification, Reminder, ReminderState


def reminder_email_outcome(email: OutgoingEmail) -> None:
    reminders = Reminder.objects.filter(email_id=email.pk)
    if email.state == OutgoingEmailState.SENT:
        for reminder in reminders.only("recipient_id", "email_subject", "link"):
            Notification.objects.create(
                user_id=reminder.recipient_id,
                text=reminder.email_subject,
                link=reminder.link,
                created_at=email.sent_at,
            )
        reminders.update(state=ReminderState.SENT, sent_at=email.sent_at, error="")
    elif email.state == OutgoingEmailState.FAILED:
        reminders.update(state=ReminderState.FAILED, error=email.error[:1000])
    else:
        reminders.update(state=ReminderState.PENDING, error="")
