"""The one place commissioning e-mails are sent from: written to the outbox
with the change they report and sent by a worker once it commits."""

from django.conf import settings
from django.urls import reverse

from foundation.outbox import email_queue
from organisations.models import OrganisationMembership


def _emails(organisations) -> list[str]:
    return sorted(
        set(
            OrganisationMembership.objects.filter(organisation__in=organisations).values_list(
                "user__email", flat=True
            )
        )
    )


def organisations_notify(organisations, *, subject: str, body: str, tender) -> None:
    """One e-mail to each person at these organisations, all at once."""
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("tender-public", args=[tender.pk])
    email_queue(
        to=_emails(organisations),
        subject=subject,
        body=f"{body}\n\n{link}\n",
        topic=f"Tender: {tender.title}",
    )
