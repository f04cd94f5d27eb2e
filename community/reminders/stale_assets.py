"""Reminder to an organisation whose listing nobody has confirmed for a year."""

from django.urls import reverse

from community.assets import STALE_AFTER, assets_stale
from community.reminders.registry import Due, absolute, reminder_kind
from community.selectors import member_ids_by_organisation


@reminder_kind("asset_stale", essential=False)
def stale_assets(now):
    from django.utils import timezone

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
