"""The public directory of community assets and each asset's page."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from assets.forms import ClaimForm
from assets.models import Asset, AssetClaim, AssetKind, ClaimState
from assets.selectors import LIVE, asset_filters, assets_find
from neighbourhoods.models import Neighbourhood
from organisations.selectors import organisations_of


def asset_directory(request):
    filters = asset_filters(request.GET)
    assets = assets_find(**filters).prefetch_related("neighbourhoods").order_by("name")
    page = Paginator(assets, 50).get_page(request.GET.get("page"))
    map_query = request.GET.copy()
    map_query.pop("page", None)
    return render(
        request,
        "assets/directory.html",
        {
            "page": page,
            "q": filters["words"],
            "place": filters["neighbourhood"],
            "kind": filters["kind"],
            "tag": filters["tag"],
            "kinds": AssetKind.choices,
            "neighbourhoods": Neighbourhood.objects.order_by("name"),
            # Every tag given to an asset, so nobody filters into nothing.
            "tags": Asset.tags.order_by("name"),
            "map_query": map_query.urlencode(),
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
        {"asset": asset, **_claim_context(request.user, asset)},
    )
