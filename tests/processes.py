"""Helpers for tests that start real processes and read what they print."""

import os
import re
import socket
import subprocess
import threading
import time


class Output:
    """Everything a process prints, collected as it comes, so a test can
    wait for a line without the pipe filling up and stalling the process."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def count(self, pattern: str) -> int:
        return len(re.findall(pattern, self.text))

    def wait_for(self, pattern: str, *, times: int = 1, timeout: float = 60) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.findall(pattern, self.text)
            if len(found) >= times:
                return found
            time.sleep(0.2)
        raise AssertionError(
            f"{pattern!r} not printed {times} time(s) in {timeout} s:\n{self.text}"
        )


def free_port(variable: str) -> int:
    """The port named by the environment variable, or one the system has free."""
    if os.environ.get(variable):
        return int(os.environ[variable])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen, *, timeout: float = 20) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
