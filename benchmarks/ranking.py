"""How long the officer's ranking takes for a large call.

    .venv/bin/python benchmarks/ranking.py [submissions] [members] [criteria]

Builds the call in a throwaway database (SQLite in memory unless
DATABASE_URL is set, in which case a test database beside it), then times
the ranking read and computation and prints the figures.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def main(submissions=200, members=5, criteria=8, repeats=5):
    from django.conf import settings
    from django.test.runner import DiscoverRunner

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        from social_value.bulk import bulk_call
        from social_value.moderation_summary import moderation_summary
        from social_value.selectors import moderation_sheet, ranking_for

        started = time.perf_counter()
        call = bulk_call(submissions=submissions, members=members, criteria=criteria)
        built = time.perf_counter() - started
        timings, sheet_timings = [], []
        for _ in range(repeats):
            with CaptureQueriesContext(connection) as ranking_queries:
                started = time.perf_counter()
                rows = ranking_for(call=call)
                timings.append(time.perf_counter() - started)
            # What the moderation page reads: the whole call's summary and
            # the one submission shown.
            with CaptureQueriesContext(connection) as sheet_queries:
                started = time.perf_counter()
                summary = moderation_summary(call=call)
                moderation_sheet(call=call, submission_pk=summary[0].submission_pk)
                sheet_timings.append(time.perf_counter() - started)
        vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        print(f"database: {vendor}")
        print(
            f"call: {submissions} submissions × {members} members × {criteria} criteria "
            f"({submissions * members * (criteria - 1)} member scores), built in {built:.1f} s"
        )
        print(
            f"ranking: {len(rows)} rows, median {statistics.median(timings) * 1000:.1f} ms, "
            f"best {min(timings) * 1000:.1f} ms, {len(ranking_queries)} queries"
        )
        print(
            f"moderation page's reads (summary of {len(summary)}, one submission): "
            f"median {statistics.median(sheet_timings) * 1000:.1f} ms, "
            f"{len(sheet_queries)} queries"
        )
    finally:
        runner.teardown_databases(old)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:4]))
