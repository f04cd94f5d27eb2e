"""Where I live: the neighbourhoods on a map, and what is near a postcode,
nearest first."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import reverse

from assets.models import Asset
from assets.selectors import LIVE
from cms.forms import PostcodeSearchForm
from neighbourhoods.models import Neighbourhood
from neighbourhoods.selectors import nearest, neighbourhood_at, postcode_location

# Enough for a walk or a short bus ride; the page says how many more there are.
NEAREST_SHOWN = 50


def miles(distance: float) -> str:
    """0.38 as "0.4 miles", 1.02 as "1 mile"; under a tenth as "less than
    0.1 miles" (a postcode's centre is not the front door)."""
    if distance < 0.05:
        return "less than 0.1 miles"
    text = f"{distance:.1f}".removesuffix(".0")
    return f"{text} mile" if text == "1" else f"{text} miles"


def _near(form: PostcodeSearchForm) -> dict:
    """What is near the postcode asked for, or why nothing can be shown."""
    chosen = form.filters()
    postcode, within = chosen["postcode"], float(chosen["distance"])
    if not postcode or form.errors:
        return {}
    location = postcode_location(postcode)
    if location is None:
        form.add_error(
            "postcode",
            f"We cannot find {postcode} in the postcode directory. Check it is right, "
            "or try a postcode near it",
        )
        return {}
    latitude, longitude = location
    assets = nearest(
        Asset.objects.filter(LIVE, latitude__isnull=False, longitude__isnull=False)
        .only("pk", "name", "kind", "latitude", "longitude", "accepts_personal_budgets")
        .prefetch_related(Prefetch("neighbourhoods", Neighbourhood.objects.only("pk", "name"))),
        latitude=latitude,
        longitude=longitude,
        within_miles=within,
    )[: NEAREST_SHOWN + 1]
    found = [{"asset": asset, "distance": miles(asset.distance)} for asset in assets]
    return {
        "postcode": postcode,
        "within": miles(within),
        "home": neighbourhood_at(latitude, longitude),
        "here_point": f"{latitude},{longitude}",
        "near": found[:NEAREST_SHOWN],
        "more": len(found) > NEAREST_SHOWN,
        # The map's markers: exactly the assets listed, and where the postcode is.
        "near_geojson": {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "Point",
                        "coordinates": [float(a.longitude), float(a.latitude)],
                    },
                    "properties": {
                        "name": a.name,
                        "kind": a.get_kind_display(),
                        "url": reverse("asset-detail", args=[a.pk]),
                    },
                }
                for a in (entry["asset"] for entry in found[:NEAREST_SHOWN])
            ],
        },
    }


def neighbourhood_index(request):
    query = request.GET.copy()
    query.setdefault("distance", "1")  # a mile, unless a person chose otherwise
    form = PostcodeSearchForm(query if request.GET else None)
    near = _near(form) if request.GET else {}
    return render(
        request,
        "cms/neighbourhoods.html",
        {
            "form": form,
            "neighbourhoods": Neighbourhood.objects.only("name", "slug", "description"),
            **near,
        },
    )
