from celery import shared_task

from community import services
from community.reminders import services as reminder_services
from community.reminders.services import TransientMailError


@shared_task(
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    max_retries=5,
)
def organisation_invitation_send(invitation_id: int) -> bool:
    return services.invitation_send(invitation_id=invitation_id)


@shared_task(
    autoretry_for=(TransientMailError,),
    retry_backoff=30,
    retry_backoff_max=1800,
    max_retries=8,
)
def reminders_sweep() -> int:
    """Beat runs this every few minutes; it is safe to run twice at once."""
    return reminder_services.reminders_sweep()
