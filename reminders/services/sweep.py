"""The sweep: find what is due, record each reminder once, then send the
recorded ones. Two sweeps racing, a retried task or a duplicated message
send nothing twice: a reminder is sent only by the sweep that claims its
row, and its row exists once (unique constraint)."""

import logging
import smtplib
import uuid
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from reminders.models import Notification, Reminder, ReminderSettings, ReminderState
from reminders.registry import KINDS, absolute

logger = logging.getLogger(__name__)
BATCH = 500
# A claim older than this belongs to a worker that died; its rows go back.
CLAIM_TIMEOUT = timedelta(minutes=15)
TRANSIENT = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
)


class TransientMailError(Exception):
    """Mail could not be sent just now; the task retries with back-off."""


def _kinds():
    # Each app declares its own kinds in its `reminders.py`.
    autodiscover_modules("reminders")

    return KINDS


def _email_body(due, kind) -> str:
    """Every reminder in the same plain, friendly frame."""
    return render_to_string(
        "reminders/email/reminder.txt",
        {
            "body": due.body,
            "essential": kind.essential,
            "dashboard": absolute(reverse("portal-dashboard")),
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    ).strip()


def reminders_record(*, now=None) -> int:
    """Record every reminder due now that is not recorded yet."""
    now = now or timezone.now()
    opted_out = set(
        ReminderSettings.objects.filter(optional_reminders=False).values_list("user_id", flat=True)
    )
    types = {}
    rows = []
    for kind in _kinds().values():
        for due in kind.find(now):
            if not kind.essential and due.recipient_id in opted_out:
                continue
            model = type(due.subject)
            types.setdefault(model, ContentType.objects.get_for_model(model))
            rows.append(
                Reminder(
                    kind=due.kind,
                    recipient_id=due.recipient_id,
                    subject_type=types[model],
                    subject_id=due.subject.pk,
                    due_on=due.due_on,
                    email_subject=due.subject_line,
                    email_body=_email_body(due, kind),
                    link=due.link,
                    created_at=now,
                )
            )
    Reminder.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    return len(rows)


def _claim(limit: int) -> tuple[str, list[Reminder]]:
    token = uuid.uuid4().hex
    now = timezone.now()
    with transaction.atomic():
        Reminder.objects.filter(
            state=ReminderState.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT
        ).update(state=ReminderState.PENDING, claim="")
        ids = list(
            Reminder.objects.filter(state=ReminderState.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:limit]
        )
        # Only rows still pending are taken: a racing sweep gets the others.
        Reminder.objects.filter(pk__in=ids, state=ReminderState.PENDING).update(
            state=ReminderState.SENDING, claim=token, claimed_at=now
        )
    return token, list(
        Reminder.objects.filter(claim=token, state=ReminderState.SENDING).select_related(
            "recipient"
        )
    )


def reminders_deliver(*, limit: int = BATCH) -> tuple[int, int]:
    """Send one claimed batch; returns (claimed, sent). Raises
    TransientMailError after putting the unsent ones back, so the task
    retries them later."""
    token, batch = _claim(limit)
    sent, failed, transient = [], [], None
    for reminder in batch:
        try:
            send_mail(
                subject=reminder.email_subject,
                message=reminder.email_body,
                from_email=None,
                recipient_list=[reminder.recipient.email],
            )
        except TRANSIENT as error:
            transient = error
            break
        except smtplib.SMTPException as error:
            failed.append((reminder, str(error)))
        else:
            sent.append(reminder)
    now = timezone.now()
    with transaction.atomic():
        Reminder.objects.filter(pk__in=[r.pk for r in sent]).update(
            state=ReminderState.SENT, sent_at=now, claim=""
        )
        Notification.objects.bulk_create(
            Notification(user_id=r.recipient_id, text=r.email_subject, link=r.link, created_at=now)
            for r in sent
        )
        for reminder, error in failed:
            Reminder.objects.filter(pk=reminder.pk).update(
                state=ReminderState.FAILED, error=error[:1000], claim=""
            )
        done = {r.pk for r in sent} | {r.pk for r, _ in failed}
        Reminder.objects.filter(claim=token).exclude(pk__in=done).update(
            state=ReminderState.PENDING, claim="", attempts=F("attempts") + 1
        )
    if transient is not None:
        raise TransientMailError(str(transient))
    return len(batch), len(sent)


def reminders_sweep(*, now=None) -> int:
    """Record what is due, then send until nothing is left to claim."""
    reminders_record(now=now)
    total = 0
    while True:
        claimed, sent = reminders_deliver()
        total += sent
        if not claimed:
            return total


def reminder_kinds_known() -> list[str]:
    apps.check_apps_ready()
    return sorted(_kinds())
