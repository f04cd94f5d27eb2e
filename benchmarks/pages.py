"""How long the public pages take at a council's size, beside a bare view.

    .venv/bin/python benchmarks/pages.py [repeats]

Builds 20,000 assets in 30 neighbourhoods, 1,000 grants awarded and 20 live
calls in a throwaway database (SQLite in memory unless DATABASE_URL is set,
in which case a database named after it with `_benchmark` added), then asks
each page through Django's test client, each request right after one to a
bare view (`HttpResponse("hello")`) in the same run, so the machine's load
weighs on both alike. Prints each page's median and best time, its ratio to
the bare view, its queries and its response size. Figures only: no page
passes or fails here.
"""

import logging
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
)
from django.urls import include, path  # noqa: E402

ASSETS, NEIGHBOURHOODS, AWARDS, CALLS = 20_000, 30, 1_000, 20
WORDS = ["lunch club", "food bank", "choir", "allotment", "youth club", "library", "walking"]


def bare(request):
    return HttpResponse("hello")


urlpatterns = [path("bare/", bare), path("", include("config.urls"))]


def build():
    """The data set, in bulk: a few seconds rather than minutes."""
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from assets.models import Asset, AssetKind
    from cms.models import AwardsPage, CallIndexPage, CallPage, HomePage
    from grants.models import Application
    from neighbourhoods.models import Neighbourhood
    from organisations.models import Organisation
    from tests.grants.factories import RoundFactory
    from tests.organisations.factories import OrganisationFactory
    from tests.people.factories import UserFactory

    places = Neighbourhood.objects.bulk_create(
        Neighbourhood(name=f"Ward {n:02d}", slug=f"ward-{n:02d}") for n in range(NEIGHBOURHOODS)
    )
    assets = Asset.objects.bulk_create(
        (
            Asset(
                kind=list(AssetKind)[n % len(AssetKind)],
                name=f"{WORDS[n % len(WORDS)].title()} {n:05d}",
                description=f"A {WORDS[n % len(WORDS)]} for neighbours, open to all. " * 6,
                postcode=f"AV{n % 9 + 1} {n % 10}XY",
                latitude=Decimal("52.4") + Decimal(n % 500) / 1000,
                longitude=Decimal("-1.9") + Decimal(n % 700) / 1000,
                contact_email=f"contact{n}@example.org",
                accessibility="Step-free access, a hearing loop and a quiet room.",
            )
            for n in range(ASSETS)
        ),
        batch_size=2000,
    )
    through = Asset.neighbourhoods.through
    through.objects.bulk_create(
        (through(asset=a, neighbourhood=places[n % NEIGHBOURHOODS]) for n, a in enumerate(assets)),
        batch_size=5000,
    )
    home = HomePage.objects.get()
    awards = AwardsPage(title="Grants awarded", slug="awards")
    home.add_child(instance=awards)
    calls = CallIndexPage(title="Calls for partners", slug="calls")
    home.add_child(instance=calls)
    now = timezone.now()
    for n in range(CALLS):
        round_ = RoundFactory(
            title=f"Call {n}", opens_at=now - timedelta(days=5), closes_at=now + timedelta(days=n)
        )
        calls.add_child(instance=CallPage(title=f"Call {n}", slug=round_.slug, round=round_))
    organisations = Organisation.objects.bulk_create(
        OrganisationFactory.build(name=f"Group {n:04d}", org_id=f"XI-BENCH-{n:04d}")
        for n in range(AWARDS)
    )
    Organisation.neighbourhoods.through.objects.bulk_create(
        Organisation.neighbourhoods.through(
            organisation=o, neighbourhood=places[n % NEIGHBOURHOODS]
        )
        for n, o in enumerate(organisations)
    )
    round_, person = RoundFactory(), UserFactory()
    Application.objects.bulk_create(
        (
            Application(
                round=round_,
                organisation=o,
                created_by=person,
                reference=f"CG-B{n:04d}",
                project_title=f"Project {n:04d}",
                approved_amount=Decimal(1000 + n),
                state="active",
            )
            for n, o in enumerate(organisations)
        ),
        batch_size=1000,
    )


PAGES = [
    ("home", "/", {}),
    ("calls index", "/calls/", {}),
    ("asset directory", "/assets/", {}),
    ("asset search ?q=food", "/assets/?q=food", {}),
    ("neighbourhood page", "/neighbourhoods/ward-07/", {}),
    ("awards", "/awards/", {}),
    ("assets GeoJSON (gzip)", "/open-data/assets.geojson", {"Accept-Encoding": "gzip"}),
]


def measure(client, repeats):
    rows = []
    for label, url, headers in PAGES:
        reset_queries()  # each request empties the log, which would skew the count
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            first = client.get(url, headers=headers)
            cold = time.perf_counter() - started
        # Counted now: the requests below empty the log it is read from.
        query_count = len(queries)
        assert first.status_code == 200, (url, first.status_code)
        page_times, bare_times = [], []
        for _ in range(repeats):
            started = time.perf_counter()
            client.get("/bare/")
            bare_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            response = client.get(url, headers=headers)
            page_times.append(time.perf_counter() - started)
        rows.append((label, cold, page_times, bare_times, query_count, len(response.content)))
    return rows


def main(repeats=10):
    from django.conf import settings
    from django.test import Client
    from django.test.runner import DiscoverRunner

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        database.setdefault("TEST", {})["NAME"] = f"{database['NAME']}_benchmark"
    logging.getLogger("wagtail").setLevel(logging.WARNING)  # not a line per page built
    setup_test_environment()
    runner = DiscoverRunner(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        started = time.perf_counter()
        build()
        built = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        with override_settings(ROOT_URLCONF=sys.modules[__name__], ALLOWED_HOSTS=["*"]):
            rows = measure(Client(), repeats)
        print(f"database: {connection.vendor}")
        print(
            f"data: {ASSETS} assets in {NEIGHBOURHOODS} neighbourhoods, {AWARDS} grants "
            f"awarded, {CALLS} live calls; built in {built:.1f} s; {repeats} requests a page"
        )
        print(
            f"{'page':<24}{'first':>9}{'median':>9}{'best':>9}{'bare':>8}{'× bare':>9}"
            f"{'queries':>9}{'bytes':>10}"
        )
        for label, cold, page_times, bare_times, queries, size in rows:
            median, bare_median = statistics.median(page_times), statistics.median(bare_times)
            print(
                f"{label:<24}{cold * 1000:>7.1f}ms{median * 1000:>7.1f}ms"
                f"{min(page_times) * 1000:>7.1f}ms{bare_median * 1000:>6.2f}ms"
                f"{median / bare_median:>8.0f}×{queries:>9}{size:>10}"
            )
    finally:
        runner.teardown_databases(old)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:2]))
