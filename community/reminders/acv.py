"""Reminder to the officer looking after an Asset of Community Value
listing that expires within six months."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from community.acv import listing_ends
from community.models import AcvDecision, AcvListing
from community.reminders.registry import Due, absolute, reminder_kind, timing


@reminder_kind("acv_expiring", essential=False)
def acv_listings_expiring(now):
    today = timezone.localdate(now)
    horizon = today + timedelta(days=timing("acv_expires_within"))
    for listing in AcvListing.objects.filter(
        decision=AcvDecision.LISTED, decided_on__isnull=False
    ).select_related("asset"):
        ends = listing_ends(listing.decided_on)
        if not today <= ends <= horizon:
            continue
        yield Due(
            kind="acv_expiring",
            recipient_id=listing.officer_id,
            subject=listing,
            due_on=ends,
            subject_line=f"Asset of Community Value listing ends {ends:%-d %B %Y}: {listing.asset}",
            body=f"{listing.asset} has been listed since {listing.decided_on:%-d %B %Y}; the "
            f"listing ends on {ends:%-d %B %Y}. A new nomination can be made before then.\n\n"
            + absolute(reverse("wagtailadmin_home")),
            link=reverse("wagtailadmin_home"),
        )
