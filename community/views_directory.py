"""The public directory of community assets and the neighbourhood pages."""

from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Sum
from django.shortcuts import get_object_or_404, render

from community.forms_assets import ClaimForm
from community.models import (
    Asset,
    AssetClaim,
    AssetKind,
    ClaimState,
    Neighbourhood,
    Organisation,
)
from community.search import LIVE, asset_filters, assets_find
from community.selectors import organisations_of


def asset_directory(request):
    filters = asset_filters(request.GET)
    assets = assets_find(**filters).prefetch_related("neighbourhoods").order_by("name")
    page = Paginator(assets, 50).get_page(request.GET.get("page"))
    map_query = request.GET.copy()
    map_query.pop("page", None)
    return render(
        request,
        "community/directory.html",
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
        "community/asset.html",
        {"asset": asset, **_claim_context(request.user, asset)},
    )


def neighbourhood_detail(request, slug):
    from commissioning.models import Contract
    from grants.models import Application
    from grants.services.assessment import COMMITTED

    neighbourhood = get_object_or_404(Neighbourhood, slug=slug)
    organisations = Organisation.objects.filter(neighbourhoods=neighbourhood).order_by("name")
    grants = Application.objects.filter(
        organisation__neighbourhoods=neighbourhood, state__in=COMMITTED
    ).select_related("organisation", "round")
    contracts = Contract.objects.filter(
        lot__tender__commission__neighbourhoods=neighbourhood
    ).select_related("supplier", "lot__tender")
    return render(
        request,
        "community/neighbourhood.html",
        {
            "neighbourhood": neighbourhood,
            "assets": neighbourhood.assets.filter(LIVE).order_by("kind", "name")[:200],
            "asset_count": neighbourhood.assets.filter(LIVE).count(),
            "organisations": organisations,
            "grants": grants,
            "contracts": contracts,
            "grant_money": grants.aggregate(total=Sum("approved_amount"))["total"] or Decimal(0),
            "contract_money": contracts.aggregate(total=Sum("value"))["total"] or Decimal(0),
            "map_query": f"neighbourhood={neighbourhood.slug}",
        },
    )
