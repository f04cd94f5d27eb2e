from celery import shared_task

from foundation.delivery import deadline_for
from foundation.tasks import outbox_sweep
from reminders.services.sweep import reminders_deliver, reminders_queue, reminders_record


@shared_task(bind=True)
def reminders_sweep(self) -> int:
    """Beat runs this every few minutes; it is safe to run twice at once.
    It takes no new e-mail once its time budget (half its soft time limit)
    is spent, puts back what it held, and leaves the rest to a fresh task."""
    soft = (self.request.timelimit or (None, None))[1] or self.app.conf.task_soft_time_limit
    stop_at = deadline_for(soft)
    reminders_record()
    reminders_queue()
    tally = reminders_deliver(stop_at=stop_at)
    if tally.stopped_early and not self.request.is_eager:
        outbox_sweep.delay()
    return tally.sent
