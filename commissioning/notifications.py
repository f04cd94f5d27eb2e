"""The one place commissioning e-mails are sent from, after commit."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse

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
    messages = [(subject, f"{body}\n\n{link}\n", None, [email]) for email in _emails(organisations)]
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages))
