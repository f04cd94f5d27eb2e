"""The public pages under load, as a visitor's browser meets them.

    .venv/bin/python benchmarks/web.py [seconds per run]

Builds the data set of benchmarks/pages.py (20,000 assets in 30
neighbourhoods, 1,000 grants awarded, live calls) from the project's
factories in a throwaway PostgreSQL database, serves the app under gunicorn
with the production settings (two workers, the cache in Redis when one
answers) beside a bare Django view (`HttpResponse("hello")` through the same
middleware), and loads each page with wrk (`-t2 -c8`), each run right after
one of the bare view, so the machine's load weighs on both alike. Prints for
each page: requests a second, p50 and p99, the share of the bare view's
requests a second, queries a request (first visit, then warm) and the bytes
sent (gzipped, as browsers ask). Figures only: nothing passes or fails.

Needs PostgreSQL (DATABASE_URL, or postgres://postgres@127.0.0.1:5432/...):
without it, it says so and stops. Without wrk, a small Python load generator
stands in (it says so; its figures are lower than wrk's).
"""

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/commonground")

PORT = int(os.environ.get("BENCHMARK_PORT", "8241"))
CONNECTIONS, THREADS = 8, 2
GZIP = {"Accept-Encoding": "gzip"}
PAGES = [
    ("home", "/"),
    ("calls index", "/calls/"),
    ("call page", "/calls/{call}/"),
    ("awards", "/awards/"),
    ("asset directory", "/assets/"),
    ("asset search ?q=food", "/assets/?q=food"),
    ("neighbourhood page", "/neighbourhoods/ward-07/"),
    ("assets GeoJSON", "/open-data/assets.geojson"),
    ("Open Referral UK services", "/open-data/openreferral/services/"),
]


def postgres_reachable(url: str) -> bool:
    """The server, whether or not the database named exists yet."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    server = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    try:
        psycopg.connect(server, connect_timeout=3).close()
        return True
    except psycopg.Error:
        return False


def redis_url() -> str:
    url = os.environ.get("BENCHMARK_REDIS_URL", "redis://127.0.0.1:6379/8")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).flushdb()
        return url
    except redis.RedisError:
        return ""


def serve(database_url: str, cache_url: str, extra: dict | None = None) -> subprocess.Popen:
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "SECRET_KEY": "benchmark-only-key",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "WARNING",
        "PUBLIC_PAGE_CACHE": "true",
    }
    environment |= extra or {}
    if cache_url:
        environment["CACHE_URL"] = cache_url
    else:
        environment.pop("CACHE_URL", None)
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
        start_new_session=True,
    )
    for _ in range(120):
        try:
            with socket.create_connection(("127.0.0.1", PORT), timeout=1):
                return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def fetch(path: str, headers: dict | None = None) -> tuple[int, int]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path}", headers=GZIP | (headers or {})
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        return response.status, len(response.read())


def wrk(path: str, seconds: int, headers: dict | None = None) -> dict:
    extra = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    run = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk"),
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            *extra,
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = run.stdout

    def millis(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\b", out, re.MULTILINE)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": millis("50"),
        "p99": millis("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def python_load(path: str, seconds: int, headers: dict | None = None) -> dict:
    """wrk's stand-in: CONNECTIONS threads, each asking again as soon as
    it is answered, over keep-alive connections."""
    import http.client

    times, stop = [], time.monotonic() + seconds
    lock = threading.Lock()

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        mine = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            connection.request("GET", path, headers=GZIP | (headers or {}))
            connection.getresponse().read()
            mine.append(time.perf_counter() - started)
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times.sort()
    return {
        "rps": len(times) / seconds,
        "p50": times[len(times) // 2] * 1000,
        "p99": times[int(len(times) * 0.99)] * 1000,
        "errors": 0,
    }


def query_counts(paths: list[str]) -> dict:
    """Queries for a first visit and a warm one, through the test client on
    the same database with the public cache on."""
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    counts = {}
    client = Client()
    with override_settings(
        PUBLIC_PAGE_CACHE={**_settings().PUBLIC_PAGE_CACHE, "ENABLED": True},
        ALLOWED_HOSTS=["*"],
    ):
        cache.clear()
        for path in paths:
            found = []
            for _ in range(2):
                reset_queries()
                with CaptureQueriesContext(connection) as queries:
                    client.get(path, headers=GZIP)
                found.append(len(queries))
            counts[path] = found
    return counts


def _settings():
    from django.conf import settings

    return settings


def main(seconds: int = 5, rounds: int = 2) -> None:
    database_url = os.environ["DATABASE_URL"]
    if not database_url.startswith("postgres") or not postgres_reachable(database_url):
        print(
            "benchmarks/web.py: skipped, it needs a PostgreSQL server "
            "(set DATABASE_URL=postgres://user@host:5432/name)."
        )
        return
    load, tool = (wrk, "wrk") if shutil.which("wrk") else (python_load, "a Python load generator")
    if load is python_load:
        print("wrk is not installed: a Python load generator stands in (lower figures).")

    import django

    django.setup()
    import logging

    from django.db import connection
    from django.test.runner import DiscoverRunner
    from django.test.utils import setup_test_environment

    from benchmarks import pages as data_set
    from benchmarks.pages import build

    # A quick trial of the script itself on a smaller data set.
    data_set.ASSETS = int(os.environ.get("BENCHMARK_ASSETS", data_set.ASSETS))

    settings = _settings()
    database = settings.DATABASES["default"]
    database.setdefault("TEST", {})["NAME"] = f"{database['NAME']}_web_benchmark"
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    setup_test_environment()
    runner = DiscoverRunner(verbosity=0, interactive=False)
    old = runner.setup_databases()
    server = None
    try:
        started = time.perf_counter()
        build()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        built = time.perf_counter() - started
        from cms.models import CallPage

        call = CallPage.objects.live().order_by("pk").first()
        pages = [(label, path.format(call=call.slug)) for label, path in PAGES]
        counts = query_counts([path for _, path in pages])
        cache_url = redis_url()
        served = connection.settings_dict
        host = served["HOST"] or "127.0.0.1"
        throwaway = (
            f"postgres://{served['USER']}:{served['PASSWORD'] or ''}@{host}"
            f":{served['PORT'] or 5432}/{served['NAME']}"
        )
        server = serve(throwaway, cache_url)
        sizes = {}
        for _, path in [("bare", "/bare/"), *pages]:
            status, size = fetch(path)  # warms the cache and each worker's imports
            fetch(path)
            sizes[path] = (status, size)
        results = {path: [] for _, path in pages}
        bare = {path: [] for _, path in pages}
        for _ in range(rounds):
            for _, path in pages:
                bare[path].append(load("/bare/", seconds))
                results[path].append(load(path, seconds))
        print(
            f"gunicorn, 2 workers, production settings, cache: "
            f"{'Redis' if cache_url else 'files'}; load: {tool}, {CONNECTIONS} connections, "
            f"{rounds}×{seconds} s a page, interleaved with the bare view"
        )
        print(
            f"data built in {built:.0f} s: {data_set.ASSETS:,} assets in 30 neighbourhoods, "
            "1,000 grants awarded, 20 live calls"
        )
        print(
            f"{'page':<28}{'req/s':>8}{'p50':>9}{'p99':>9}{'× bare':>8}"
            f"{'queries':>10}{'bytes':>9}{'status':>7}"
        )
        for label, path in pages:
            rps = statistics.median(r["rps"] for r in results[path])
            bare_rps = statistics.median(r["rps"] for r in bare[path])
            p50 = statistics.median(r["p50"] for r in results[path])
            p99 = max(r["p99"] for r in results[path])
            first, warm = counts[path]
            status, size = sizes[path]
            print(
                f"{label:<28}{rps:>8.0f}{p50:>7.1f}ms{p99:>7.1f}ms{rps / bare_rps:>7.0%}"
                f"{f'{first}/{warm}':>10}{size:>9}{status:>7}"
            )
        bare_all = [r["rps"] for runs in bare.values() for r in runs]
        print(f"{'bare view':<28}{statistics.median(bare_all):>8.0f}")
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        runner.teardown_databases(old)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
