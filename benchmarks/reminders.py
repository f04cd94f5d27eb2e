"""How long a reminders sweep takes over 100,000 pending reminders.

    .venv/bin/python benchmarks/reminders.py [pending]

Builds the reminders in a throwaway database (SQLite in memory unless
DATABASE_URL is set), queues them in the outbox and sends them with
Django's dummy mail backend, and prints the time and the queries per
e-mail: the same however many are due.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def main(pending=100_000):
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.test.runner import DiscoverRunner

    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    setup_test_environment()
    runner = DiscoverRunner(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        from people.models import User
        from reminders.models import Reminder
        from reminders.services.sweep import BATCH, reminders_deliver, reminders_queue

        people = User.objects.bulk_create(
            User(email=f"reminded{n}@example.org", first_name="R", last_name=str(n))
            for n in range(1000)
        )
        kind = ContentType.objects.get_for_model(User)
        started = time.perf_counter()
        Reminder.objects.bulk_create(
            (
                Reminder(
                    kind="benchmark",
                    recipient=people[n % 1000],
                    subject_type=kind,
                    subject_id=n,
                    due_on="2027-01-01",
                    email_subject="Due soon",
                    email_body="Your deadline is near.",
                    link="/",
                )
                for n in range(pending)
            ),
            batch_size=5000,
        )
        built = time.perf_counter() - started
        counted = {"queries": 0}

        def count(execute, sql, params, many, context):
            counted["queries"] += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        with connection.execute_wrapper(count):
            reminders_queue()
        queued, queue_queries = time.perf_counter() - started, counted["queries"]
        counted["queries"] = 0
        started = time.perf_counter()
        with connection.execute_wrapper(count):
            tally = reminders_deliver()
        took = time.perf_counter() - started
        vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        print(f"database: {vendor}")
        print(f"pending reminders: {pending} (built in {built:.1f} s)")
        print(
            f"queued in the outbox: {queued:.1f} s, {queue_queries / (pending / BATCH):.0f} "
            f"queries per {BATCH}"
        )
        print(
            f"sent: {took:.1f} s, {tally.sent / took:,.0f} e-mails a second, "
            f"{counted['queries'] / tally.sent:.1f} queries each (each marked sent in its "
            "own transaction as the server takes it)"
        )
        print(f"sent: {Reminder.objects.filter(state='sent').count()}")
    finally:
        runner.teardown_databases(old)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:2]))
