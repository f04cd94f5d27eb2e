"""E-mailing an invitation, once: the task that sends it calls this, so a
repeated delivery of the task finds it sent and stops."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from organisations.models import InvitationState, OrganisationInvitation


def invitation_send(*, invitation_id: int) -> bool:
    """E-mail the invitation once. A repeated task finds it sent and stops."""
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
        send_mail(
            subject=f"Join {invitation.organisation.name} on {settings.WAGTAIL_SITE_NAME}",
            message=render_to_string("organisations/email/invitation.txt", context),
            from_email=None,
            recipient_list=[invitation.email],
        )
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
    return True
