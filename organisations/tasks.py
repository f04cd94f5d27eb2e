from celery import shared_task

from organisations.mail import invitation_send


@shared_task(
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    max_retries=5,
)
def organisation_invitation_send(invitation_id: int) -> bool:
    return invitation_send(invitation_id=invitation_id)
