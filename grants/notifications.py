"""The one place grant e-mails are sent from. Each is written to the outbox
in the transaction of the change it reports and sent by a worker once that
commits, one to each member of the applying organisation; a mail server
that is down delays them, never fails the change."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from foundation.deadlines import when
from foundation.outbox import email_queue, emails_queue
from reminders.models import Notification

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
    email_queue(
        to=recipients,
        subject=subject,
        body=body,
        topic=f"Grant application: {event.replace('_', ' ')}",
    )


def round_date_changed_notify(round_, change, applications) -> None:
    """Tell every member of every organisation with an application in the
    round that one of its dates moved: on their dashboard at once, and one
    e-mail each once the change is committed. A person in two applying
    organisations hears once, with a link to each application."""
    links: dict[int, list[str]] = {}
    emails: dict[int, str] = {}
    for application in applications:
        path = reverse("application-detail", args=[application.pk])
        for user_id, email in application.organisation.memberships.values_list(
            "user_id", "user__email"
        ):
            links.setdefault(user_id, []).append(path)
            emails[user_id] = email
    if not links:
        return
    text = (
        f"The {change.label} for {round_.title} has moved to {when(change.new_value)}: "
        f"{change.reason}"
    )
    Notification.objects.bulk_create(
        Notification(user_id=user_id, text=text[:300], link=paths[0])
        for user_id, paths in sorted(links.items())
    )
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    subject = f"The {change.label} for {round_.title} has changed"
    messages = []
    for user_id, paths in sorted(links.items()):
        body = render_to_string(
            "grants/email/round_date_changed.txt",
            {
                "round": round_,
                "change": change,
                "old": when(change.old_value),
                "new": when(change.new_value),
                "links": [base + path for path in paths],
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
        messages.append((emails[user_id], subject, body))
    emails_queue(messages=messages, topic="Grant round date changed")
