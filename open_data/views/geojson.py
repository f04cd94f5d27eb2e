"""The asset map's open data: assets with a location as GeoJSON (RFC 7946),
public and read-only, for the map and for anyone who wants to reuse it.

It takes the directory's own filters (`q`, `neighbourhood`, `kind`, `tag`),
so a map beside a filtered list shows the same assets as the list."""

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from assets.models import Asset
from assets.selectors import asset_filters, assets_find


def asset_feature(asset: Asset, request) -> dict:
    return {
        "type": "Feature",
        "id": asset.pk,
        "geometry": {
            "type": "Point",
            "coordinates": [float(asset.longitude), float(asset.latitude)],
        },
        "properties": {
            "name": asset.name,
            "kind": asset.get_kind_display(),
            "status": asset.get_status_display(),
            "postcode": asset.postcode,
            "neighbourhoods": [n.name for n in asset.neighbourhoods.all()],
            "last_confirmed": asset.last_confirmed.isoformat(),
            "url": request.build_absolute_uri(reverse("asset-detail", args=[asset.pk])),
        },
    }


@require_GET
def assets_geojson(request):
    assets = (
        assets_find(**asset_filters(request.GET))
        .filter(latitude__isnull=False, longitude__isnull=False)
        .prefetch_related("neighbourhoods")
        .order_by("pk")
    )
    response = JsonResponse(
        {"type": "FeatureCollection", "features": [asset_feature(a, request) for a in assets]}
    )
    response["Content-Type"] = "application/geo+json"
    response["Access-Control-Allow-Origin"] = "*"
    return response
