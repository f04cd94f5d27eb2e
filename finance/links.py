"""The finance pages grants' own pages link to (through grants.hooks)."""

from django.urls import reverse

from finance.models import Agreement, ProgrammeFinance
from grants.models import State

AFTER_OFFER = (State.OFFER, State.ACCEPTED, State.ACTIVE, State.COMPLETED)


def officer_links(application, user) -> list[tuple[str, str]]:
    links = []
    if (
        application.state == State.APPROVED
        and ProgrammeFinance.objects.filter(programme_id=application.round.programme_id).exists()
    ):
        links.append(("Due diligence", reverse("finance:due-diligence", args=[application.pk])))
    if application.state in AFTER_OFFER:
        if Agreement.objects.filter(award__application=application).exists():
            links.append(("Grant agreement", reverse("finance:agreement", args=[application.pk])))
        links.append(("Claims and budget", reverse("finance:grant", args=[application.pk])))
    if application.submitted_at:
        links.append(
            (
                "Application as submitted (PDF)",
                reverse("finance:application-pdf", args=[application.pk]),
            )
        )
    return links


def applicant_links(application, user) -> list[tuple[str, str]]:
    links = []
    if application.submitted_at:
        links.append(
            (
                "Download your application as submitted (PDF)",
                reverse("finance:application-pdf", args=[application.pk]),
            )
        )
    if (
        application.state in AFTER_OFFER
        and Agreement.objects.filter(award__application=application).exists()
    ):
        links.append(("Your grant agreement", reverse("finance:agreement", args=[application.pk])))
    if application.state in (State.ACCEPTED, State.ACTIVE):
        links.append(("Claims and payments", reverse("finance:grant", args=[application.pk])))
    return links


def accept_page(application) -> str:
    if Agreement.objects.filter(award__application=application).exists():
        return reverse("finance:agreement", args=[application.pk])
    return ""
