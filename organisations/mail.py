"""E-mailing an invitation, once: it is queued in the outbox with the
invitation's own key, in the transaction that creates it, and sent by a
worker once that commits. Calling this again queues nothing more."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from foundation.outbox import email_queue_once
from organisations.models import InvitationState, OrganisationInvitation


def invitation_send(*, invitation_id: int) -> bool:
    """Queue the invitation's e-mail once. A repeated call finds it queued
    and stops; `sent_at` is when it was handed to the outbox."""
    with transaction.atomic():
        invitation = (
            OrganisationInvitation.objects.select_for_update(of=("self",))
            .select_related("organisation", "invited_by")
            .filter(pk=invitation_id)
            .first()
        )
        # Gone (its organisation deleted) or already handled: nothing to send.
        if (
            invitation is None
            or invitation.sent_at is not None
            or invitation.state != InvitationState.PENDING
        ):
            return False
        accept_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "invitation-accept", args=[invitation.token]
        )
        context = {"invitation": invitation, "accept_url": accept_url}
        email_queue_once(
            key=f"invitation:{invitation.pk}",
            to=invitation.email,
            subject=f"Join {invitation.organisation.name} on {settings.WAGTAIL_SITE_NAME}",
            body=render_to_string("organisations/email/invitation.txt", context),
            topic="Invitation to join an organisation",
        )
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
    return True
