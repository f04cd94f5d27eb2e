"""Real Celery workers for the delivery tests: started with their own
settings (time limits, leases, mail backend), killed with SIGKILL as the
out-of-memory killer would, restarted."""

import os
import signal
import subprocess
import sys
import time
from email import message_from_string
from pathlib import Path

import redis
from django.conf import settings

from tests.conftest import ROOT, _database_url


class Worker:
    def __init__(self, log: Path, env: dict[str, str], concurrency: int | None = None):
        self.log = log
        pool = (
            ["--pool=prefork", f"--concurrency={concurrency}"] if concurrency else ["--pool=solo"]
        )
        with log.open("a") as output:
            self.process = subprocess.Popen(  # noqa: S603 - our own worker
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "config.celery_app",
                    "worker",
                    *pool,
                    "--loglevel=INFO",
                    "--without-mingle",
                    "--without-gossip",
                    "-Q",
                    settings.CELERY_TASK_DEFAULT_QUEUE,
                    "-n",
                    f"delivery-{os.getpid()}-{time.monotonic_ns()}@%h",
                ],
                cwd=ROOT,
                env={
                    **os.environ,
                    "DJANGO_SETTINGS_MODULE": "config.settings.test",
                    "DATABASE_URL": _database_url(),
                    "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
                    "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
                    # A task it queues goes through the broker like any other.
                    "CELERY_TASK_ALWAYS_EAGER": "false",
                    **env,
                },
                stdout=output,
                stderr=subprocess.STDOUT,
                # Its own process group, so a kill takes its pool with it.
                start_new_session=True,
            )

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text()

    def kill(self) -> None:
        """SIGKILL to the worker and its pool: no warm shutdown, no ack."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if not self.alive():
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()


def broker_emptied() -> None:
    """Forget tasks that earlier runs left in the test queue or unacknowledged."""
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete(settings.CELERY_TASK_DEFAULT_QUEUE, "unacked", "unacked_index", "unacked_mutex")


def wait_until(check, *, seconds: float, workers=(), what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for worker in workers:
            assert worker.alive(), worker.output()[-5000:]
        if check():
            return
        time.sleep(0.5)
    logs = "\n".join(worker.output()[-5000:] for worker in workers)
    raise AssertionError(f"{what} did not happen in {seconds} s\n{logs}")


def messages_in(folder: Path) -> list[str]:
    """Each e-mail the file backend wrote, as `to|subject`."""
    found = []
    for path in sorted(folder.glob("*.log")):
        for text in path.read_text().split("\n" + "-" * 79 + "\n"):
            if text.strip():
                message = message_from_string(text)
                found.append(f"{message['To']}|{message['Subject']}")
    return found
