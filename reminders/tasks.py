from celery import shared_task

from reminders.services.sweep import TransientMailError
from reminders.services.sweep import reminders_sweep as sweep


@shared_task(
    autoretry_for=(TransientMailError,),
    retry_backoff=30,
    retry_backoff_max=1800,
    max_retries=8,
)
def reminders_sweep() -> int:
    """Beat runs this every few minutes; it is safe to run twice at once."""
    return sweep()
