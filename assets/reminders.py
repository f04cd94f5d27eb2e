"""The asset map's reminders: to the officer looking after an Asset of
Community Value listing that expires within six months, and to an
organisation whose listing nobody has confirmed for a year."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from assets.acv import listing_ends
from assets.models import AcvDecision, AcvListing
from assets.services.upkeep import STALE_AFTER, assets_stale
from organisations.selectors import member_ids_by_organisation
from reminders.registry import Due, absolute, reminder_kind, timing


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


@reminder_kind("asset_stale", essential=False)
def stale_assets(now):
    assets = list(assets_stale(today=timezone.localdate(now)).filter(organisation__isnull=False))
    members = member_ids_by_organisation(a.organisation_id for a in assets)
    for asset in assets:
        for user_id in members.get(asset.organisation_id, []):
            yield Due(
                kind="asset_stale",
                recipient_id=user_id,
                subject=asset,
                due_on=asset.last_confirmed + STALE_AFTER,
                subject_line=f"Is {asset.name} still right?",
                body=f"Nobody has confirmed the listing for {asset.name} since "
                f"{asset.last_confirmed:%-d %B %Y}. Please check it is still right, so "
                "people can find it.\n\n" + absolute(reverse("portal-dashboard")),
                link=reverse("portal-dashboard"),
            )
