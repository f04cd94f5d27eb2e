"""The public directory of community assets and each asset's page."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from assets.forms import AssetFilterForm, ClaimForm
from assets.models import AcvDecision, Asset, AssetClaim, ClaimState
from assets.page_panels import ASSET_PAGE_PANELS
from assets.selectors import LIVE, asset_filters, assets_find
from assets.services.events import event_may_edit
from assets.whats_on import events_upcoming
from neighbourhoods.models import Neighbourhood
from organisations.selectors import organisations_of


def asset_directory(request):
    form = AssetFilterForm(request.GET)
    form.is_valid()  # a filter that does not validate is shown with its error, and left out
    query = form.query()
    # Only the columns the list shows: the rows are sorted for the page, and
    # descriptions and contact details would make that sort spill to disk.
    assets = (
        assets_find(**asset_filters(query))
        .only(
            "pk", "name", "kind", "status", "accepts_personal_budgets", "organisation__legal_form"
        )
        .select_related("organisation")
        .prefetch_related(Prefetch("neighbourhoods", Neighbourhood.objects.only("pk", "name")))
    )
    page = Paginator(assets.order_by("name", "pk"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "assets/directory.html",
        {
            "form": form,
            "page": page,
            # The map asks the GeoJSON feed for the same assets as the list.
            "map_query": urlencode({name: value for name, value in query.items() if value}),
        },
    )


def _claim_context(user, asset) -> dict:
    """What this person may do about who holds the listing: update it (a
    member of the holder), wait for a claim under review, or claim it."""
    if not user.is_authenticated:
        return {"is_holder": False, "pending_claim": None, "claim_form": None}
    mine = organisations_of(user=user)
    is_holder = asset.organisation_id is not None and mine.filter(pk=asset.organisation_id).exists()
    pending = (
        AssetClaim.objects.filter(asset=asset, organisation__in=mine, state=ClaimState.UNREVIEWED)
        .select_related("organisation")
        .first()
    )
    claimable = mine.exclude(
        pk__in=AssetClaim.objects.filter(
            asset=asset, state__in=[ClaimState.UNREVIEWED, ClaimState.CONFIRMED]
        ).values("organisation_id")
    )
    return {
        "is_holder": is_holder,
        "pending_claim": pending,
        "claim_form": ClaimForm(organisations=claimable) if claimable.exists() else None,
        "has_organisation": mine.exists(),
    }


def asset_detail(request, pk):
    asset = get_object_or_404(
        Asset.objects.filter(LIVE)
        .select_related("organisation")
        .prefetch_related("neighbourhoods", "tags"),
        pk=pk,
    )
    return render(
        request,
        "assets/asset.html",
        {
            "asset": asset,
            "acv_listings": asset.acv_listings.exclude(decision=AcvDecision.REFUSED),
            **_claim_context(request.user, asset),
            **_whats_on_context(request.user, asset),
        },
    )


def _whats_on_context(user, asset) -> dict:
    """The asset's coming events, whether this person may add some, and
    the panels other apps add to the page (such as "Add to my list")."""
    return {
        "events": events_upcoming(asset=asset, limit=10),
        "feed_url": reverse("asset-events-ical", args=[asset.pk]),
        "may_add_events": event_may_edit(asset=asset, actor=user),
        "asset_panels": ASSET_PAGE_PANELS,
    }
