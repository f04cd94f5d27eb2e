"""Mail transports for the outbox's tests: each delivers like Django's
in-memory backend until told to misbehave."""

import smtplib

from celery.exceptions import SoftTimeLimitExceeded
from django.core.mail.backends.locmem import EmailBackend

# Raise this on the message numbered `on` (1-based, counted over the test).
TROUBLE = {"on": None, "error": None, "count": 0}


class TroubleBackend(EmailBackend):
    def send_messages(self, messages):
        TROUBLE["count"] += 1
        if TROUBLE["on"] is not None and TROUBLE["count"] in TROUBLE["on"]:
            raise TROUBLE["error"]
        return super().send_messages(messages)


def trouble(*, on, error):
    TROUBLE.update(on=set(on), error=error, count=0)


def refuse(code: int, words: bytes) -> smtplib.SMTPRecipientsRefused:
    return smtplib.SMTPRecipientsRefused({"someone@example.org": (code, words)})


SOFT_LIMIT = SoftTimeLimitExceeded()
