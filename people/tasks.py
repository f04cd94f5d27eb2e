from celery import shared_task
from django.utils import timezone

from people.services.retention import retention_sweep as sweep


@shared_task
def retention_sweep() -> dict[str, int]:
    """Beat runs this monthly; a second run the same day changes nothing."""
    return sweep(today=timezone.localdate())
