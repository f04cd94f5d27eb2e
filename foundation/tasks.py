"""Sending the outbox (see `foundation/delivery.py`). Both tasks are safe to
run twice at once or to be delivered twice: a message goes only to the
sender that claimed its row, and a sent row is never claimed again."""

from celery import shared_task

from foundation.delivery import deadline_for, outbox_deliver


def _stop_at(task):
    # The task's own soft limit if it was given one, else the app's.
    soft = (task.request.timelimit or (None, None))[1] or task.app.conf.task_soft_time_limit
    return deadline_for(soft)


@shared_task(bind=True)
def outbox_send(self, email_ids: list[int]) -> int:
    """Queued on commit by whatever wrote these e-mails."""
    tally = outbox_deliver(ids=email_ids, stop_at=_stop_at(self))
    if tally.stopped_early and not self.request.is_eager:
        outbox_send.delay(email_ids)  # what is left, in a fresh task
    return tally.sent


@shared_task(bind=True)
def outbox_sweep(self) -> int:
    """Beat runs this every minute: it sends what is due to be tried again,
    e-mails whose task was lost (the broker was down when they were
    queued) and those a dead sender held."""
    tally = outbox_deliver(stop_at=_stop_at(self))
    if tally.stopped_early and not self.request.is_eager:
        outbox_sweep.delay()
    return tally.sent
