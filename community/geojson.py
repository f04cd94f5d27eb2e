"""The asset map's open data: assets with a location as GeoJSON (RFC 7946),
public and read-only, for the map and for anyone who wants to reuse it."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from community.models import Asset, AssetStatus


def asset_feature(asset: Asset) -> dict:
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
        },
    }


@require_GET
def assets_geojson(request):
    assets = (
        Asset.objects.exclude(status=AssetStatus.LOST)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .prefetch_related("neighbourhoods")
        .order_by("pk")
    )
    if request.GET.get("neighbourhood"):
        assets = assets.filter(neighbourhoods__slug=request.GET["neighbourhood"])
    response = JsonResponse(
        {"type": "FeatureCollection", "features": [asset_feature(a) for a in assets]}
    )
    response["Content-Type"] = "application/geo+json"
    response["Access-Control-Allow-Origin"] = "*"
    return response
