"""A task for tests of the worker process itself, loaded into a test's
worker with `celery worker --include tests.worker_probe`: it holds the
worker busy (and its message unacknowledged) for as long as it is asked."""

import time

from celery import shared_task


@shared_task(name="tests.worker_probe.pause")
def pause(seconds: float) -> None:
    time.sleep(seconds)
