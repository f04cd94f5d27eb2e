"""The work pages under load, signed in, as an officer's, a panel member's
and an applicant's browsers meet them.

    .venv/bin/python benchmarks/work.py [seconds per run]

Builds the data set of benchmarks/work_data.py (5,000 applications with
2,000 in one round, a call of 200 submissions × 5 members × 8 criteria in
moderation) in a throwaway PostgreSQL database, serves the app under
gunicorn with the production settings beside the bare view, as
benchmarks/web.py does, and signs each person in through the site itself:
the sign-in page with their password and, for staff, the code their
authenticator app shows (people.two_factor), so the session is one the
product made and marked verified. wrk then loads each page with that
session's cookie (`-t2 -c8`), each run right after one of the bare view.
Prints the same columns as benchmarks/web.py; the queries are counted
through the test client on the same database, signed in the same way.

Twice: with the pages kept between visits (foundation.work_cache), as
they are while nothing is written, and with that cache off, as each page
is drawn on the first visit after any change.
Figures only: nothing passes or fails.
"""

import http.client
import os
import re
import shutil
import signal
import statistics
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import web, work_data

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PRODUCTION_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]


def pages_of(data) -> list[tuple[str, str, object]]:
    return [
        (
            "applications, 2,000",
            f"/grants/manage/rounds/{data.round_pk}/applications/",
            data.officer,
        ),
        ("ranking, 200×5×8", f"/scoring/calls/{data.call_pk}/ranking/", data.officer),
        ("moderation, 200×5×8", f"/scoring/calls/{data.call_pk}/moderation/", data.officer),
        ("panel dashboard", "/scoring/panel/", data.member),
        ("applicant dashboard", "/portal/", data.applicant),
    ]


def fresh_code(person) -> str:
    """What the person's app shows now. django-otp takes a step's code only
    once, and each person signs in twice (the server, the test client) within
    one 30-second step: the device's memory of the last step is cleared first."""
    from tests.people.otp import app_code_fresh, app_for

    return app_code_fresh(app_for(person))


class Browser:
    """Keeps the cookies the site sets, as a browser would, over plain HTTP
    to the local server (production marks them Secure, for https)."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    @property
    def cookie(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def ask(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        connection = http.client.HTTPConnection("127.0.0.1", web.PORT, timeout=60)
        headers = {"Cookie": self.cookie} if self.cookies else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        text = response.read().decode()
        connection.close()
        return response.status, response.headers.get("Location", ""), text

    def submit(self, path: str, fields: dict) -> tuple[int, str]:
        """Open the page, then send its form with the token it carries."""
        status, _, page = self.ask("GET", path)
        token = CSRF_FIELD.search(page)
        if status != 200 or token is None:
            raise SystemExit(f"{path} answered {status} without a form")
        status, location, _ = self.ask("POST", path, {"csrfmiddlewaretoken": token[1], **fields})
        return status, location


def sign_in(person, landing: str) -> str:
    """The session cookie of a real sign-in to the served site."""
    browser = Browser()
    status, location = browser.submit(
        "/accounts/sign-in/", {"username": person.email, "password": work_data.PASSWORD}
    )
    if status != 302:
        raise SystemExit(f"signing in {person.email} answered {status}")
    if location.startswith("/accounts/two-factor/code/"):
        status, location = browser.submit(location, {"code": fresh_code(person)})
        if status != 302:
            raise SystemExit(f"the code for {person.email} answered {status}")
    status, location, _ = browser.ask("GET", landing)
    if status != 200:
        raise SystemExit(f"{landing} answered {status} {location} when signed in")
    return browser.cookie


def client_for(person):
    """The test client, signed in the same way (password, then code)."""
    from django.test import Client

    client = Client()
    response = client.post(
        "/accounts/sign-in/", {"username": person.email, "password": work_data.PASSWORD}
    )
    if response.headers.get("Location", "").startswith("/accounts/two-factor/code/"):
        response = client.post("/accounts/two-factor/code/", {"code": fresh_code(person)})
    assert response.status_code == 302, (person.email, response.status_code)
    return client


def query_counts(pages, kept: str) -> dict:
    """Queries for a first visit and a second one, for each page."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext, override_settings

    counts, clients = {}, {}
    with override_settings(
        PASSWORD_HASHERS=PRODUCTION_HASHERS,
        ALLOWED_HOSTS=["*"],
        WORK_PAGE_CACHE={"ENABLED": kept == "true", "SECONDS": 600},
    ):
        for _, path, person in pages:
            client = clients.get(person.pk) or clients.setdefault(person.pk, client_for(person))
            found = []
            for _ in range(2):
                reset_queries()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path, headers=web.GZIP)
                assert response.status_code == 200, (path, response.status_code)
                found.append(len(queries))
            counts[path] = found
    return counts


# The pages kept between visits (foundation.work_cache), as when nothing
# was written meanwhile; then the same pages with that cache off, as each
# is drawn on the first visit after any change.
PASSES = [
    ("Kept between visits (nothing written meanwhile):", "true"),
    ("Drawn afresh (the first visit after any change), the work page cache off:", "false"),
]


def _measure(pages, cookies, counts, load, seconds, rounds) -> None:
    sizes = {}
    web.fetch("/bare/")
    for _, path, person in pages:
        web.fetch(path, cookies[person.pk])  # each worker's imports and connection
        sizes[path] = web.fetch(path, cookies[person.pk])
    results = {path: [] for _, path, _ in pages}
    bare = {path: [] for _, path, _ in pages}
    for _ in range(rounds):
        for _, path, person in pages:
            bare[path].append(load("/bare/", seconds))
            results[path].append(load(path, seconds, cookies[person.pk]))
    print(
        f"{'page':<28}{'req/s':>8}{'p50':>9}{'p99':>9}{'× bare':>8}"
        f"{'queries':>10}{'bytes':>9}{'status':>7}"
    )
    for label, path, _ in pages:
        rps = statistics.median(r["rps"] for r in results[path])
        bare_rps = statistics.median(r["rps"] for r in bare[path])
        p50 = statistics.median(r["p50"] for r in results[path])
        p99 = max(r["p99"] for r in results[path])
        errors = sum(r["errors"] for r in results[path])
        first, warm = counts[path]
        status, size = sizes[path]
        print(
            f"{label:<28}{rps:>8.0f}{p50:>7.1f}ms{p99:>7.1f}ms{rps / bare_rps:>7.0%}"
            f"{f'{first}/{warm}':>10}{size:>9}{status:>7}"
            + (f"  ({errors} answers not 2xx/3xx)" if errors else "")
        )
    bare_all = [r["rps"] for runs in bare.values() for r in runs]
    print(f"{'bare view':<28}{statistics.median(bare_all):>8.0f}")


def main(seconds: int = 5, rounds: int = 2) -> None:
    database_url = os.environ["DATABASE_URL"]
    if not database_url.startswith("postgres") or not web.postgres_reachable(database_url):
        print(
            "benchmarks/work.py: skipped, it needs a PostgreSQL server "
            "(set DATABASE_URL=postgres://user@host:5432/name)."
        )
        return
    load, tool = (
        (web.wrk, "wrk") if shutil.which("wrk") else (web.python_load, "a Python load generator")
    )
    import django

    django.setup()
    import logging

    from django.conf import settings
    from django.db import connection
    from django.test.runner import DiscoverRunner
    from django.test.utils import setup_test_environment

    database = settings.DATABASES["default"]
    database.setdefault("TEST", {})["NAME"] = f"{database['NAME']}_work_benchmark"
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    setup_test_environment()
    runner = DiscoverRunner(verbosity=0, interactive=False)
    old = runner.setup_databases()
    server = None
    try:
        started = time.perf_counter()
        data = work_data.build()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        built = time.perf_counter() - started
        pages = pages_of(data)
        cache_url = web.redis_url()
        served = connection.settings_dict
        database_url = (
            f"postgres://{served['USER']}:{served['PASSWORD'] or ''}@"
            f"{served['HOST'] or '127.0.0.1'}:{served['PORT'] or 5432}/{served['NAME']}"
        )
        print(
            f"gunicorn, 2 workers, production settings, sessions: "
            f"{'Redis' if cache_url else 'database'}; signed in with password and, for staff, "
            f"a code; load: {tool}, {web.CONNECTIONS} connections, {rounds}×{seconds} s a page, "
            "interleaved with the bare view"
        )
        print(
            f"data built in {built:.0f} s: 5,000 applications with 2,000 in one round, "
            f"a call of {work_data.SUBMISSIONS} submissions × {work_data.MEMBERS} members × "
            f"{work_data.CRITERIA} criteria in moderation"
        )
        cookies = {}
        for title, switch in PASSES:
            server = web.serve(database_url, cache_url, {"WORK_PAGE_CACHE": switch})
            if not cookies:  # the sessions live in Redis, across both servers
                for _, path, person in pages:
                    if person.pk not in cookies:
                        cookies[person.pk] = {"Cookie": sign_in(person, path)}
            print(f"\n{title}")
            _measure(pages, cookies, query_counts(pages, switch), load, seconds, rounds)
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
            server = None
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        runner.teardown_databases(old)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
