"""The sweep: find what is due, record each reminder once, queue its one
e-mail in the outbox, then send the queued ones.

Two sweeps racing, a retried task or a duplicated message send nothing
twice: a reminder's row exists once (unique constraint), it has one
outbox e-mail (keyed by the reminder), and that e-mail is sent only by the
sender that claims it and is marked sent as soon as the mail server takes
it. Crashes, time limits, temporary and permanent mail failures are
handled by the outbox's sender: see `foundation/delivery.py`, which also
names the one duplicate nobody can prevent.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from foundation.delivery import Tally, outbox_deliver
from foundation.models import OutgoingEmail
from reminders.models import Reminder, ReminderSettings, ReminderState
from reminders.registry import KINDS, absolute

BATCH = 500
# The outbox's `source` of reminders' e-mails (see services/outcome.py).
SOURCE = "reminder"


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


def reminders_queue(*, limit: int = BATCH) -> int:
    """Give every recorded reminder its one e-mail in the outbox. The
    outbox row's key is the reminder's, so racing sweeps queue it once."""
    queued = 0
    while True:
        with transaction.atomic():
            waiting = list(
                Reminder.objects.filter(state=ReminderState.PENDING, email__isnull=True)
                .select_related("recipient")
                .order_by("pk")[:limit]
            )
            if not waiting:
                return queued
            keys = {reminder.pk: f"{SOURCE}:{reminder.pk}" for reminder in waiting}
            OutgoingEmail.objects.bulk_create(
                (
                    OutgoingEmail(
                        key=keys[reminder.pk],
                        source=SOURCE,
                        topic=f"Reminder ({reminder.kind})",
                        to=reminder.recipient.email,
                        subject=reminder.email_subject,
                        body=reminder.email_body,
                    )
                    for reminder in waiting
                ),
                ignore_conflicts=True,
            )
            email_ids = dict(
                OutgoingEmail.objects.filter(key__in=keys.values()).values_list("key", "pk")
            )
            for reminder in waiting:
                reminder.email_id = email_ids[keys[reminder.pk]]
            Reminder.objects.bulk_update(waiting, ["email"])
        queued += len(waiting)


def reminders_deliver(*, stop_at: float | None = None) -> Tally:
    """Send the reminders' e-mails that are due, by the outbox's one
    delivery path (foundation/delivery.py): marked sent one by one as the
    server accepts them, stopping at `stop_at` (time.monotonic())."""
    return outbox_deliver(source=SOURCE, stop_at=stop_at)


def reminders_sweep(*, now=None, stop_at: float | None = None) -> int:
    """Record what is due, queue it, and send it; returns how many
    reminders were sent."""
    reminders_record(now=now)
    reminders_queue()
    return reminders_deliver(stop_at=stop_at).sent


def reminder_kinds_known() -> list[str]:
    apps.check_apps_ready()
    return sorted(_kinds())
