"""A worker that loses Redis while it runs a task carries on once Redis is
back: it reconnects and takes the next task, rather than exiting (as
Celery 5.7.0 does, which is why the pin stays at 5.6.3)."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from celery import Celery
from kombu import Connection

from tests.processes import Output, free_port, stop

ROOT = Path(__file__).resolve().parents[1]
QUEUE = "broker-restart-test"
PAUSE_TAKEN = r"Task tests\.worker_probe\.pause\[\S+\] received"
PAUSE_DONE = r"Task tests\.worker_probe\.pause\[\S+\] succeeded"


def redis_server(port: int) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - a private Redis for this test
        [
            shutil.which("redis-server"),
            *("--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port, socket_connect_timeout=1)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            client.ping()
            return process
        except redis.ConnectionError:
            time.sleep(0.2)
    stop(process)
    raise AssertionError(f"redis-server did not answer on port {port}")


def send(sender: Celery, url: str, *, seconds: float) -> None:
    with Connection(url) as connection:
        sender.send_task(
            "tests.worker_probe.pause", args=[seconds], queue=QUEUE, connection=connection
        )


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_a_busy_worker_survives_a_redis_restart():
    port = free_port("REDIS_TEST_PORT")
    url = f"redis://127.0.0.1:{port}/0"
    server = redis_server(port)
    # Two pool processes: with one busy, the worker is still waiting on Redis
    # for more when it goes away, the case Celery 5.7.0 does not survive.
    worker = subprocess.Popen(  # noqa: S603 - our own worker
        [
            sys.executable,
            *("-m", "celery", "-A", "config.celery_app", "worker"),
            *("--pool=prefork", "--concurrency=2", "--loglevel=INFO"),
            *("--include", "tests.worker_probe", "-Q", QUEUE, "-n", f"restart-{os.getpid()}@%h"),
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "CELERY_BROKER_URL": url,
            "PYTHONUNBUFFERED": "1",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = Output(worker)
    # Celery would take CELERY_BROKER_URL from the environment over any
    # broker given here: the messages go through a connection of our own.
    sender = Celery(set_as_current=False)
    try:
        output.wait_for(r"@\S+ ready\.")
        # Twice: some versions reconnect once and then stop taking work.
        for restart in (1, 2):
            send(sender, url, seconds=6)
            output.wait_for(PAUSE_TAKEN, times=2 * restart - 1)

            stop(server)  # the broker goes away while the task is unacknowledged
            time.sleep(2)
            server = redis_server(port)

            output.wait_for(r"Connected to redis://", times=1 + restart, timeout=60)
            output.wait_for(PAUSE_DONE, times=2 * restart - 1, timeout=60)
            send(sender, url, seconds=0)
            output.wait_for(PAUSE_DONE, times=2 * restart, timeout=60)
        assert worker.poll() is None, output.text
        assert "Unrecoverable error" not in output.text
    finally:
        stop(worker)
        stop(server)
        sender.close()
