from celery import shared_task

from community import services


@shared_task(
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    max_retries=5,
)
def organisation_invitation_send(invitation_id: int) -> bool:
    return services.invitation_send(invitation_id=invitation_id)
