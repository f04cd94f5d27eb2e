"""Mail failures sorted as the SMTP standard sorts them (RFC 5321, 4.2.1):
a 4xx reply means "not now, try again later" (greylisting, a full queue, a
server going down for maintenance); a 5xx reply means "never" (no such
mailbox, refused as spam). A refused, dropped or timed-out connection is
not an answer about the message at all: it is tried again."""

import smtplib
from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    # Record the message as failed, with the server's words, and stop trying.
    permanent: bool
    # The conversation with the server is over: the rest wait for next time.
    connection_lost: bool
    words: str


def _reply(code: int, words) -> str:
    if isinstance(words, bytes):
        words = words.decode("utf-8", errors="replace")
    return f"{code} {words}".strip()


def verdict_for(error: BaseException) -> Verdict:
    """What a failure to send one message means for it."""
    if isinstance(error, smtplib.SMTPRecipientsRefused) and error.recipients:
        # One recipient per message: its reply is the message's.
        code, words = next(iter(error.recipients.values()))
        return Verdict(permanent=code >= 500, connection_lost=False, words=_reply(code, words))
    if isinstance(error, smtplib.SMTPResponseException):
        code = error.smtp_code
        return Verdict(
            # 421: the server is closing the conversation; anything not a
            # 5xx (a -1 for a garbled reply) is worth another try.
            permanent=500 <= code < 600,
            connection_lost=code == 421,
            words=_reply(code, error.smtp_error),
        )
    if isinstance(error, smtplib.SMTPServerDisconnected | OSError):
        # Refused, dropped, timed out, name not found: the server never
        # answered about this message.
        return Verdict(
            permanent=False,
            connection_lost=True,
            words=str(error) or type(error).__name__,
        )
    # Anything else (a malformed address, a message Django refuses to build)
    # will fail the same way every time.
    return Verdict(permanent=True, connection_lost=False, words=str(error) or repr(error))
