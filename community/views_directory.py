"""The public directory of community assets and the neighbourhood pages."""

from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Q, Sum
from django.shortcuts import get_object_or_404, render

from community.models import Asset, AssetKind, AssetStatus, Neighbourhood, Organisation
from community.search import words_match

LIVE = ~Q(status=AssetStatus.LOST)


def asset_directory(request):
    query = request.GET.get("q", "").strip()
    place = request.GET.get("neighbourhood", "")
    kind = request.GET.get("kind", "")
    assets = Asset.objects.filter(LIVE)
    if query:
        # A postcode-looking query matches postcodes by their start.
        compact = query.upper().replace(" ", "")
        postcode = compact[:-3] + " " + compact[-3:] if len(compact) > 4 else compact
        by_postcode = assets.filter(
            Q(postcode__istartswith=query.upper()) | Q(postcode__istartswith=postcode)
        )
        assets = (words_match(assets, query) | by_postcode).distinct()
    if place:
        assets = assets.filter(neighbourhoods__slug=place)
    if kind:
        assets = assets.filter(kind=kind)
    if request.GET.get("tag"):
        assets = assets.filter(tags__slug=request.GET["tag"])
    page = Paginator(
        assets.prefetch_related("neighbourhoods").order_by("name").distinct(), 50
    ).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "community/directory.html",
        {
            "page": page,
            "q": query,
            "place": place,
            "kind": kind,
            "kinds": AssetKind.choices,
            "neighbourhoods": Neighbourhood.objects.order_by("name"),
            "query": query_string.urlencode(),
        },
    )


def asset_detail(request, pk):
    from community.forms_assets import ClaimForm
    from community.selectors import organisations_of

    asset = get_object_or_404(
        Asset.objects.filter(LIVE)
        .select_related("organisation")
        .prefetch_related("neighbourhoods"),
        pk=pk,
    )
    organisations = organisations_of(user=request.user) if request.user.is_authenticated else []
    return render(
        request,
        "community/asset.html",
        {
            "asset": asset,
            "claim_form": ClaimForm(organisations=organisations) if organisations else None,
            "is_holder": asset.organisation is not None
            and any(o.pk == asset.organisation_id for o in organisations),
        },
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
        },
    )
