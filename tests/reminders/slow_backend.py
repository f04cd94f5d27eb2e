"""A file mail backend that is as slow as a real relay and can hold the
sender once, before it writes a given message, as a stuck mail server
would: the moment a sender is most likely killed or cut off.

SLOW_MAIL_SECONDS: wait before every message. HOLD_MAIL_AFTER=N: before
writing the message after the N-th this process wrote, create the file
HOLD_MAIL_MARKER and wait HOLD_MAIL_SECONDS; only once (the marker stays).
"""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend

WRITTEN = {"count": 0}


class SlowFileBackend(EmailBackend):
    def send_messages(self, email_messages):
        hold_after = os.environ.get("HOLD_MAIL_AFTER")
        marker = Path(os.environ.get("HOLD_MAIL_MARKER", "/nonexistent/marker"))
        if hold_after and WRITTEN["count"] == int(hold_after) and not marker.exists():
            marker.write_text(str(os.getpid()))
            time.sleep(float(os.environ["HOLD_MAIL_SECONDS"]))
        time.sleep(float(os.environ.get("SLOW_MAIL_SECONDS", "0")))
        sent = super().send_messages(email_messages)
        WRITTEN["count"] += sent
        return sent
