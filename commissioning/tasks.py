from celery import shared_task

from commissioning.services.tenders import tenders_close_due


@shared_task
def tenders_close() -> list[int]:
    """Beat runs this every minute; the service's state check makes a
    repeated or overlapping run harmless."""
    return tenders_close_due()
