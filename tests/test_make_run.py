"""`make run` keeps its Celery worker and beat running: honcho starts them
through bin/respawn, which starts a process again whenever it exits."""

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.processes import Output, stop

ROOT = Path(__file__).resolve().parents[1]
HONCHO = ROOT / ".venv" / "bin" / "honcho"


def procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile.dev").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line and not line.startswith("#"))


def test_the_worker_and_beat_are_started_through_respawn():
    processes = procfile()
    # `exec`: honcho's Ctrl-C reaches bin/respawn itself, not a shell before it.
    respawn = "exec bin/respawn .venv/bin/celery -A config.celery_app"
    assert processes["worker"].startswith(f"{respawn} worker")
    assert processes["beat"].startswith(f"{respawn} beat")


@pytest.mark.skipif(not HONCHO.exists() or not shutil.which("sh"), reason="needs honcho and sh")
def test_a_worker_killed_outright_comes_back_under_make_run(tmp_path):
    # As `make run` runs it, embedded: SQLite and the filesystem broker, in a
    # folder of this test's own, so this worker never takes another test's
    # tasks from Redis or touches a real database.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "CELERY_BROKER_URL")
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "VAR_DIR": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }
    honcho = subprocess.Popen(  # noqa: S603 - the project's own Procfile
        [str(HONCHO), "-f", "Procfile.dev", "start", "worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = Output(honcho)
    try:
        output.wait_for(r"celery@\S+ ready\.")
        (first,) = re.findall(r"respawn: started celery \(pid (\d+)\)", output.text)

        os.kill(int(first), signal.SIGKILL)

        output.wait_for(r"celery exited with status 137; starting it again")
        started = output.wait_for(r"respawn: started celery \(pid (\d+)\)", times=2)
        output.wait_for(r"celery@\S+ ready\.", times=2)
        assert started[1] != first
        assert honcho.poll() is None, "honcho stopped everything when the worker died"
    finally:
        stop(honcho)
    # Ctrl-C (honcho's SIGTERM) stops the worker and the loop for good,
    # leaving nothing running.
    assert "starting it again" not in output.text.split("sending SIGTERM")[-1]
    assert not running(int(started[1]))


def running(pid: int, *, within: float = 30) -> bool:
    """Whether `pid` is still alive `within` seconds from now. A worker
    given a warm shutdown may take a while on a busy machine; one that has
    exited but whose parent has gone (a zombie waiting for init to reap it)
    no longer runs."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        if _zombie(pid):
            return False
        time.sleep(0.2)
    return True


def _zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    # The state follows the command's closing parenthesis: "Z" for a zombie.
    return stat.rsplit(")", 1)[-1].split()[0] == "Z"
