"""Reports and exports at 100,000 applications: memory and queries.

    .venv/bin/python benchmarks/reports.py

Builds 1,000 and then 100,000 applications from 5,000 organisations in 20
neighbourhoods across 20 rounds of 4 programmes, a third of them funded
with an award and a payment, in a throwaway database (SQLite in memory unless DATABASE_URL is
set, in which case a database named after it with `_benchmark` added).
Then:

- streams the CSV export of all 100,000 applications, counting its bytes,
  and the spreadsheet (XLSX) export, each under tracemalloc: the peak of
  Python's memory while exporting must stay under 200 MB;
- renders the reports page and counts its database queries, which must not
  grow with the number of applications (it is compared with the count at
  1,000 applications).

Prints the figures and exits non-zero when a limit is passed.
"""

import gc
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

APPLICATIONS, ORGANISATIONS, NEIGHBOURHOODS, ROUNDS = 100_000, 5_000, 20, 20
MEMORY_LIMIT_MB = 200
STATES = ["active", "declined", "completed", "submitted", "assessment", "declined"]


def build_borough():
    """Neighbourhoods, organisations, programmes and rounds, in bulk."""
    from neighbourhoods.models import Neighbourhood
    from organisations.models import LegalForm, Organisation
    from tests.grants.factories import ProgrammeFactory, RoundFactory
    from tests.people.factories import UserFactory

    places = Neighbourhood.objects.bulk_create(
        Neighbourhood(name=f"Ward {n:02d}", slug=f"ward-{n:02d}", population=5000 + n * 100)
        for n in range(NEIGHBOURHOODS)
    )
    forms = list(LegalForm)
    organisations = Organisation.objects.bulk_create(
        (
            Organisation(
                name=f"Group {n:05d}",
                legal_form=forms[n % len(forms)],
                org_id=f"XI-BENCH-{n:05d}",
                user_led=n % 3 == 0,
                lived_experience_led=n % 4 == 0,
            )
            for n in range(ORGANISATIONS)
        ),
        batch_size=2000,
    )
    through = Organisation.neighbourhoods.through
    through.objects.bulk_create(
        (
            through(organisation=o, neighbourhood=places[n % NEIGHBOURHOODS])
            for n, o in enumerate(organisations)
        ),
        batch_size=5000,
    )
    programmes = [ProgrammeFactory(name=f"Fund {n}") for n in range(4)]
    rounds = [RoundFactory(programme=programmes[n % 4]) for n in range(ROUNDS)]
    return organisations, rounds, UserFactory()


def build(borough, start: int, stop: int) -> int:
    """Applications numbered start to stop, each round's organisations in
    turn (so no organisation applies twice to a round), a third funded
    with an award and a payment."""
    from datetime import date, datetime, timedelta
    from decimal import Decimal
    from zoneinfo import ZoneInfo

    from grants.models import Application, Award, Payment

    organisations, rounds, person = borough
    decided = datetime(2026, 5, 1, 10, tzinfo=ZoneInfo("Europe/London"))

    def applications_made():
        for n in range(start, stop):
            state = STATES[n % len(STATES)]
            yield Application(
                round=rounds[n // ORGANISATIONS % ROUNDS],
                organisation=organisations[n % ORGANISATIONS],
                created_by=person,
                reference=f"CG-B{n:06d}",
                project_title=f"=Project {n:06d}" if n % 1000 == 0 else f"Project {n:06d}",
                amount_requested=Decimal(1000 + n % 9000),
                approved_amount=Decimal(1000 + n % 9000)
                if state in ("active", "completed")
                else None,
                state=state,
                submitted_at=decided - timedelta(days=30),
                decided_at=decided if state in ("active", "completed", "declined") else None,
            )

    made = Application.objects.bulk_create(applications_made(), batch_size=5000)
    funded = [a for a in made if a.state in ("active", "completed")]
    awards = Award.objects.bulk_create(
        (
            Award(
                application=a,
                amount=a.approved_amount,
                starts_on=date(2026, 6, 1),
                ends_on=date(2027, 5, 31),
            )
            for a in funded
        ),
        batch_size=5000,
    )
    Payment.objects.bulk_create(
        (
            Payment(award=w, due_on=date(2026, 6, 1), amount=w.amount, paid_on=date(2026, 6, 1))
            for w in awards
        ),
        batch_size=5000,
    )
    return len(awards)


def export_peak(file_format: str) -> tuple[int, float, float]:
    """Bytes sent and the peak of Python's memory (MB) while exporting all
    applications, and the time taken."""
    from django.test import Client

    from people import roles
    from tests.people.factories import UserFactory
    from tests.people.otp import client_verified

    client = Client()
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    client.force_login(officer)
    client_verified(client, officer)  # staff give their second step too
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(f"/reports/export/applications.{file_format}")
    assert response.status_code == 200, response.status_code
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    response.close()
    return size, peak / 1024 / 1024, elapsed


def report_queries() -> tuple[int, float]:
    from django.test import Client

    from people import roles
    from tests.people.factories import UserFactory
    from tests.people.otp import client_verified

    client = Client()
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    client.force_login(officer)
    client_verified(client, officer)  # staff give their second step too
    client.get("/reports/")  # caches (content types, the site) filled first
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get("/reports/")
        elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.status_code
    return len(queries), elapsed


def run() -> dict:
    from django.conf import settings
    from django.test.runner import DiscoverRunner

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        database.setdefault("TEST", {})["NAME"] = f"{database['NAME']}_benchmark"
    runner = DiscoverRunner(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        figures = {}
        started = time.perf_counter()
        borough = build_borough()
        awarded = build(borough, 0, 1_000)
        figures["small"] = report_queries()
        awarded += build(borough, 1_000, APPLICATIONS)
        figures["built"], figures["awarded"] = time.perf_counter() - started, awarded
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        figures["large"] = report_queries()
        figures["csv"] = export_peak("csv")
        figures["xlsx"] = export_peak("xlsx")
        return figures
    finally:
        runner.teardown_databases(old)


def main():
    setup_test_environment()
    figures = run()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"database: {connection.vendor}")
    print(
        f"data: {APPLICATIONS:,} applications, {figures['awarded']:,} awards and payments, "
        f"{ORGANISATIONS:,} organisations in {NEIGHBOURHOODS} neighbourhoods; "
        f"built in {figures['built']:.1f} s"
    )
    failures = []
    for file_format in ("csv", "xlsx"):
        size, peak, elapsed = figures[file_format]
        print(
            f"export of all applications as {file_format.upper()}: {size / 1024 / 1024:.1f} MB "
            f"in {elapsed:.1f} s, peak Python memory {peak:.1f} MB (limit {MEMORY_LIMIT_MB} MB)"
        )
        if peak >= MEMORY_LIMIT_MB:
            failures.append(f"{file_format} export peaked at {peak:.1f} MB")
    print(f"process peak resident memory (whole run, data building included): {rss:.0f} MB")
    (small, _), (large, elapsed) = figures["small"], figures["large"]
    print(
        f"reports page: {small} queries at 1,000 applications, "
        f"{large} at {APPLICATIONS:,} ({elapsed * 1000:.0f} ms)"
    )
    if large > small:
        failures.append("the reports page's queries grow with the applications")
    for failure in failures:
        print(f"FAILED: {failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
