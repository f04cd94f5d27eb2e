"""A mail transport for tests that fails in a chosen way a chosen number
of times, then delivers like Django's in-memory backend."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

FAILURES = {"left": 0, "error": smtplib.SMTPServerDisconnected("connection dropped")}


class FlakyBackend(EmailBackend):
    def send_messages(self, messages):
        if FAILURES["left"]:
            FAILURES["left"] -= 1
            raise FAILURES["error"]
        return super().send_messages(messages)
