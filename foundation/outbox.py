"""Queueing e-mail. Every e-mail the site sends is written here, in the
transaction of the change it reports, and sent by Celery once that
transaction has committed (`foundation/delivery.py` sends it).

So a request never waits for, or fails because of, the mail server: if the
server (or the broker) is down, the e-mail waits in the outbox and the
periodic sweep sends it when it is back. A change rolled back sends
nothing.
"""

import logging
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm_log.models import StateLog

from foundation.delivery import outcome_tell
from foundation.models import OutgoingEmail, OutgoingEmailState
from foundation.tasks import outbox_send

logger = logging.getLogger(__name__)
EMAIL_RETRY = "email_retry"


def outbox_send_soon(email_ids: list[int]) -> None:
    """Ask a worker to send these now. If the broker cannot be reached the
    e-mails stay queued for the periodic sweep: never an error page."""
    try:
        outbox_send.delay(list(email_ids))
    except Exception:
        logger.warning(
            "Could not queue the sending of e-mails %s; the sweep will.", email_ids, exc_info=True
        )


def _send_on_commit(emails: list[OutgoingEmail]) -> None:
    ids = [email.pk for email in emails]
    if ids:
        transaction.on_commit(lambda: outbox_send_soon(ids))


@transaction.atomic
def email_queue(
    *,
    to: str | Iterable[str],
    subject: str,
    body: str,
    topic: str,
    source: str = "",
    sensitive: bool = False,
) -> list[OutgoingEmail]:
    """One e-mail to each address, sent once the caller's transaction
    commits. `sensitive`: the body holds a sign-in or confirmation link."""
    addresses = [to] if isinstance(to, str) else list(dict.fromkeys(to))
    return emails_queue(
        messages=[(address, subject, body) for address in addresses],
        topic=topic,
        source=source,
        sensitive=sensitive,
    )


@transaction.atomic
def emails_queue(
    *,
    messages: Iterable[tuple[str, str, str]],
    topic: str,
    source: str = "",
    sensitive: bool = False,
) -> list[OutgoingEmail]:
    """E-mails that differ person by person: (address, subject, body) each,
    all sent by one task once the caller's transaction commits."""
    emails = OutgoingEmail.objects.bulk_create(
        OutgoingEmail(
            to=address,
            subject=subject[:300],
            body=body,
            topic=topic[:120],
            source=source,
            sensitive=sensitive,
        )
        for address, subject, body in messages
    )
    _send_on_commit(emails)
    return emails


@transaction.atomic
def email_queue_once(
    *, key: str, to: str, subject: str, body: str, topic: str, source: str = ""
) -> tuple[OutgoingEmail, bool]:
    """Queue an e-mail unless one with this key already was: a repeated
    task or a second click sends nothing more. Returns (e-mail, queued now)."""
    email, created = OutgoingEmail.objects.get_or_create(
        key=key,
        defaults={
            "to": to,
            "subject": subject[:300],
            "body": body,
            "topic": topic[:120],
            "source": source,
        },
    )
    if created:
        _send_on_commit([email])
    return email, created


@transaction.atomic
def outgoing_email_retry(*, email_id: int, actor) -> OutgoingEmail:
    """Try a failed e-mail again (an officer, once the address is put
    right or the server's trouble is over). Audited."""
    email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
    if email is None or email.state != OutgoingEmailState.FAILED:
        raise ValidationError(
            "Only an e-mail that could not be sent can be tried again: "
            "this one has been sent or is already on its way."
        )
    last_answer = email.error
    email.state = OutgoingEmailState.QUEUED
    email.attempts = 0
    email.next_attempt_at = timezone.now()
    email.error = ""
    email.save(update_fields=["state", "attempts", "next_attempt_at", "error"])
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(OutgoingEmail),
        object_id=email.pk,
        by=actor,
        source_state=OutgoingEmailState.FAILED,
        state=OutgoingEmailState.QUEUED,
        transition=EMAIL_RETRY,
        description=(
            f"Tried again: “{email.subject}” to {email.to}. "
            f"The mail server had answered: {last_answer}"
        )[:1000],
    )
    outcome_tell(email)
    _send_on_commit([email])
    return email
