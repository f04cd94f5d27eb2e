"""Sending the outbox: every e-mail once, through crashes, time limits and
mail-server trouble.

How a message goes:

1. A sender claims a few due rows (`OUTBOX["batch"]`, with FOR UPDATE SKIP
   LOCKED, so racing senders take different rows) for a short lease
   (`OUTBOX["lease_seconds"]`, two minutes).
2. It opens one SMTP connection and sends them one by one. As soon as the
   server has accepted a message, its row is marked sent in a transaction
   of its own, and the lease on the rest is renewed. A crash loses at most
   the message on the wire, never a batch.
3. Failures are sorted by the SMTP standard (`foundation/smtp.py`): a 4xx
   reply or a refused, dropped or timed-out connection is tried again
   after `retry_seconds`, doubling up to `retry_max_seconds`; a 5xx reply
   is recorded as failed with the server's words, for officers to see and
   try again. When a sweep's failures pass `alert_rate`, administrators
   are told (a logged error and a mail to ADMINS).
4. A sender takes no new message once its time budget is spent (half of
   Celery's soft time limit) and puts back what it claimed and did not
   send; if the soft limit strikes mid-message anyway, it puts back
   everything not yet accepted.
5. A sender that dies (kill -9, the out-of-memory killer) leaves its rows
   claimed until their lease runs out; the next sweep takes them.

The one duplicate no sender can prevent: the server accepted a message but
the connection dropped, or the sender died, before the server's "250 OK"
was read or the row marked sent. The row is tried again and the person
gets the message twice. Every attempt carries the same Message-ID, so mail
systems that check it can drop the copy; at most one message per dying
sender is affected.
"""

import logging
import smtplib
import time
import uuid
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage, get_connection, mail_admins
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from foundation.models import OutgoingEmail, OutgoingEmailState
from foundation.smtp import verdict_for

logger = logging.getLogger(__name__)
State = OutgoingEmailState

# How each source hears that one of its e-mails was sent, failed or was
# queued again (reminders mark their reminder), in the same transaction.
OUTCOME_LISTENERS: dict[str, Callable[[OutgoingEmail], None]] = {}


def outcome_listener(source: str, listener: Callable[[OutgoingEmail], None]) -> None:
    """Filled from an app's AppConfig.ready(): foundation imports no app."""
    OUTCOME_LISTENERS[source] = listener


def outcome_tell(email: OutgoingEmail) -> None:
    listener = OUTCOME_LISTENERS.get(email.source)
    if listener is not None:
        listener(email)


@dataclass
class Tally:
    sent: int = 0
    failed: int = 0  # for good (5xx)
    retrying: int = 0  # will be tried again (4xx, connection trouble)
    stopped_early: bool = False  # the time budget ran out with work left
    server_trouble: bool = False  # the connection failed: the rest wait for the next sweep

    @property
    def attempted(self) -> int:
        return self.sent + self.failed + self.retrying


def _option(name: str):
    return settings.OUTBOX[name]


def deadline_for(soft_time_limit: float | None) -> float | None:
    """When a sender with this soft time limit stops taking new messages."""
    if not soft_time_limit:
        return None
    return time.monotonic() + soft_time_limit * _option("time_share")


def _time_up(stop_at: float | None) -> bool:
    return stop_at is not None and time.monotonic() >= stop_at


def _due(now) -> Q:
    # Queued and due, or claimed by a sender whose lease ran out (it died).
    return Q(state=State.QUEUED, next_attempt_at__lte=now) | Q(
        state=State.SENDING, claimed_until__lt=now
    )


def _claim(*, ids, source, limit) -> tuple[str, list[OutgoingEmail]]:
    token = uuid.uuid4().hex
    now = timezone.now()
    with transaction.atomic():
        rows = OutgoingEmail.objects.filter(_due(now))
        if ids is not None:
            rows = rows.filter(pk__in=ids)
        if source is not None:
            rows = rows.filter(source=source)
        picked = list(
            rows.select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:limit]
        )
        # Filtered again: on a database without row locks a racing sender
        # may have claimed some of them meanwhile.
        OutgoingEmail.objects.filter(_due(now), pk__in=picked).update(
            state=State.SENDING,
            claim=token,
            claimed_until=now + timedelta(seconds=_option("lease_seconds")),
        )
    return token, list(
        OutgoingEmail.objects.filter(claim=token, state=State.SENDING).order_by("pk")
    )


def _release(token: str) -> None:
    """Put back what this sender claimed and did not send."""
    OutgoingEmail.objects.filter(claim=token, state=State.SENDING).update(
        state=State.QUEUED, claim="", claimed_until=None
    )


def _message(email: OutgoingEmail, connection) -> EmailMessage:
    return EmailMessage(
        subject=email.subject,
        body=email.body,
        to=[email.to],
        connection=connection,
        # The same on every attempt, so a copy sent twice can be recognised.
        headers={"Message-ID": f"<{email.uid.hex}@{DNS_NAME}>"},
    )


def _sent(email: OutgoingEmail, token: str, *, renew_lease: bool = True) -> None:
    now = timezone.now()
    changes = {"state": State.SENT, "sent_at": now, "claim": "", "claimed_until": None}
    if email.sensitive:
        changes["body"] = ""
    with transaction.atomic():
        marked = OutgoingEmail.objects.filter(pk=email.pk, claim=token, state=State.SENDING).update(
            attempts=email.attempts + 1, error="", **changes
        )
        if not marked:
            # Our lease ran out while the server thought: another sender may
            # have sent it as well.
            logger.warning("E-mail %s was sent after its claim had lapsed.", email.pk)
            return
        if renew_lease:
            OutgoingEmail.objects.filter(claim=token, state=State.SENDING).update(
                claimed_until=now + timedelta(seconds=_option("lease_seconds"))
            )
        email.state, email.sent_at = State.SENT, now
        outcome_tell(email)


def _failed(email: OutgoingEmail, token: str, words: str) -> None:
    with transaction.atomic():
        marked = OutgoingEmail.objects.filter(pk=email.pk, claim=token, state=State.SENDING).update(
            state=State.FAILED,
            attempts=email.attempts + 1,
            error=words[:2000],
            claim="",
            claimed_until=None,
        )
        if marked:
            email.state, email.error = State.FAILED, words
            outcome_tell(email)


def _retry_later(email: OutgoingEmail, token: str, words: str) -> bool:
    """Try again after a back-off; give up (failed) after max_attempts.
    Returns whether it will be tried again."""
    attempts = email.attempts + 1
    if attempts >= _option("max_attempts"):
        _failed(email, token, f"Gave up after {attempts} attempts. Last answer: {words}")
        return False
    wait = min(_option("retry_seconds") * 2 ** (attempts - 1), _option("retry_max_seconds"))
    OutgoingEmail.objects.filter(pk=email.pk, claim=token, state=State.SENDING).update(
        state=State.QUEUED,
        attempts=attempts,
        next_attempt_at=timezone.now() + timedelta(seconds=wait),
        error=words[:2000],
        claim="",
        claimed_until=None,
    )
    return True


def _count_transient(email, token, words, tally) -> None:
    if _retry_later(email, token, words):
        tally.retrying += 1
    else:
        tally.failed += 1


def _batch_send(token: str, batch: list[OutgoingEmail], stop_at, tally: Tally) -> None:
    connection = get_connection()
    try:
        connection.open()
    except SoftTimeLimitExceeded:
        _release(token)
        raise
    except Exception as error:
        words = verdict_for(error).words
        logger.warning("The mail server could not be reached: %s", words)
        for email in batch:
            _count_transient(email, token, words, tally)
        tally.server_trouble = True
        return
    # The rest of the batch's lease is renewed once a third of it has gone,
    # not after every message: rewriting every row still held for each e-mail
    # sent multiplied a large sweep's writes by the batch's size.
    renewed = time.monotonic()
    try:
        for index, email in enumerate(batch):
            if index and _time_up(stop_at):
                tally.stopped_early = True
                break
            try:
                if not connection.send_messages([_message(email, connection)]):
                    # Django's SMTP backend says 0 when it lost its connection.
                    raise smtplib.SMTPServerDisconnected("The mail backend sent nothing.")
            except SoftTimeLimitExceeded:
                raise
            except Exception as error:
                verdict = verdict_for(error)
                if verdict.permanent:
                    _failed(email, token, verdict.words)
                    tally.failed += 1
                else:
                    _count_transient(email, token, verdict.words, tally)
                if verdict.connection_lost:
                    tally.server_trouble = True
                    break
            else:
                renew = time.monotonic() - renewed > _option("lease_seconds") / 3
                _sent(email, token, renew_lease=renew)
                if renew:
                    renewed = time.monotonic()
                tally.sent += 1
    finally:
        _release(token)
        # The messages are already accounted for, whatever closing says.
        with suppress(Exception):
            connection.close()


def outbox_deliver(*, ids=None, source: str | None = None, stop_at: float | None = None) -> Tally:
    """Send what is due (only `ids`, or only one `source`'s, if given) until
    nothing is left or the time budget `stop_at` (time.monotonic()) is spent."""
    tally = Tally()
    try:
        while True:
            if _time_up(stop_at):
                tally.stopped_early = True
                break
            token, batch = _claim(ids=ids, source=source, limit=_option("batch"))
            if not batch:
                break
            _batch_send(token, batch, stop_at, tally)
            if tally.stopped_early or tally.server_trouble:
                break
    except SoftTimeLimitExceeded:
        # `_batch_send` has already put back what was not accepted.
        logger.warning("The soft time limit stopped a sender; what it held goes back.")
        tally.stopped_early = True
    failures_alert(tally)
    return tally


def failures_alert(tally: Tally) -> None:
    """Tell administrators when too much of a sweep could not be sent."""
    troubled = tally.failed + tally.retrying
    if tally.attempted < _option("alert_minimum") or troubled < (
        _option("alert_rate") * tally.attempted
    ):
        return
    text = (
        f"{troubled} of {tally.attempted} e-mails could not be sent just now "
        f"({tally.failed} failed for good, {tally.retrying} to be tried again). "
        "Failed e-mails are listed on the staff home page, where they can be tried again."
    )
    logger.error("E-mail delivery is failing: %s", text)
    # One mail an hour is enough to bring someone; the log has every sweep.
    if cache.add("outbox-failure-alert", True, timeout=_option("alert_every_seconds")):
        # Straight to the server, not through the outbox; it may well be the
        # server that is failing, so this must not fail the sweep too.
        mail_admins("E-mail delivery is failing", text, fail_silently=True)
