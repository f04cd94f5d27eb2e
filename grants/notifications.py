"""The one place grant e-mails are sent from. Each goes once the change it
reports is committed, to every member of the applying organisation."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

SUBJECTS = {
    "submitted": "We have your application {reference}",
    "ineligible": "Your application {reference} is not eligible",
    "more_info": "We need a little more information: {reference}",
    "approved": "Good news: your application {reference} is approved",
    "declined": "Your application {reference} was not funded",
    "waitlisted": "Your application {reference} is on the waiting list",
    "offer": "Your grant offer for {reference} is ready",
    "accepted": "Thank you for accepting your grant offer: {reference}",
    "withdrawn": "Your application {reference} is withdrawn",
}


def applicant_notify(application, event: str) -> None:
    recipients = sorted(application.organisation.memberships.values_list("user__email", flat=True))
    if not recipients:
        return
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "application-detail", args=[application.pk]
    )
    subject = SUBJECTS[event].format(reference=application.reference)
    body = render_to_string(
        f"grants/email/{event}.txt",
        {"application": application, "link": link, "site_name": settings.WAGTAIL_SITE_NAME},
    )
    transaction.on_commit(
        lambda: send_mail(subject=subject, message=body, from_email=None, recipient_list=recipients)
    )
