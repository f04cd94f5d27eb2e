"""A neighbourhood's public page: its assets, the organisations that serve
it, and the grants and contracts that went there."""

from decimal import Decimal

from django.db.models import Sum
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from assets.selectors import LIVE
from assets.whats_on import events_upcoming
from commissioning.models import Contract
from grants.models import Application
from grants.services.assessment import AWARDED
from neighbourhoods.models import Neighbourhood
from organisations.models import Organisation


def neighbourhood_detail(request, slug):
    neighbourhood = get_object_or_404(Neighbourhood, slug=slug)
    organisations = Organisation.objects.filter(neighbourhoods=neighbourhood).order_by("name")
    grants = Application.objects.filter(
        organisation__neighbourhoods=neighbourhood, state__in=AWARDED
    ).select_related("organisation", "round")
    contracts = Contract.objects.filter(
        lot__tender__commission__neighbourhoods=neighbourhood
    ).select_related("supplier", "lot__tender")
    return render(
        request,
        "cms/neighbourhood.html",
        {
            "neighbourhood": neighbourhood,
            "assets": neighbourhood.assets.filter(LIVE)
            .only("pk", "name", "kind")
            .order_by("kind", "name")[:200],
            "asset_count": neighbourhood.assets.filter(LIVE).count(),
            "organisations": organisations,
            "grants": grants,
            "contracts": contracts,
            "grant_money": grants.aggregate(total=Sum("approved_amount"))["total"] or Decimal(0),
            "contract_money": contracts.aggregate(total=Sum("value"))["total"] or Decimal(0),
            "map_query": f"neighbourhood={neighbourhood.slug}",
            # What's on at the neighbourhood's assets, and its calendar feed.
            "events": events_upcoming(neighbourhood=neighbourhood, limit=20),
            "feed_url": reverse("neighbourhood-events-ical", args=[neighbourhood.slug]),
            "show_asset": True,
        },
    )
