"""The asset map's open data: assets with a location as GeoJSON (RFC 7946),
public and read-only, for the map and for anyone who wants to reuse it.

It takes the directory's own filters (`q`, `neighbourhood`, `kind`, `tag`),
so a map beside a filtered list shows the same assets as the list.

Every visit to the directory asks for it, and at a council's size it is
megabytes: it is built from plain rows (no model instance per asset), kept
gzipped in the cache under a key that changes when any asset changes, and
answered with 304 Not Modified to a browser that already holds it. It is
public open data with no secret in it, so compressing it carries none of
the BREACH risk that compressing a page with a CSRF token would."""

import gzip
import hashlib
import json
from collections import defaultdict
from datetime import UTC, datetime

from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.regex_helper import _lazy_re_compile
from django.views.decorators.http import require_GET

from assets.models import Asset, AssetKind, AssetStatus
from assets.selectors import asset_filters, assets_find, assets_fingerprint

ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")
KINDS = dict(AssetKind.choices)
STATUSES = dict(AssetStatus.choices)
# A browser may reuse its copy for a minute, then asks again with its ETag.
CACHE_CONTROL = "public, max-age=60"


def feature_collection(filters: dict, asset_url: str) -> bytes:
    """The GeoJSON for the assets `filters` find, in two queries whatever
    their number: the assets' columns, then their neighbourhoods' names."""
    found = assets_find(**filters).filter(latitude__isnull=False, longitude__isnull=False)
    names = defaultdict(list)
    links = (
        Asset.neighbourhoods.through.objects.filter(asset__in=found.values("pk"))
        .order_by("neighbourhood__name")
        .values_list("asset_id", "neighbourhood__name")
    )
    for asset_id, name in links:
        names[asset_id].append(name)
    rows = found.order_by("pk").values_list(
        "pk", "name", "kind", "status", "postcode", "latitude", "longitude", "last_confirmed"
    )
    features = [
        {
            "type": "Feature",
            "id": pk,
            "geometry": {"type": "Point", "coordinates": [float(longitude), float(latitude)]},
            "properties": {
                "name": name,
                "kind": KINDS.get(kind, kind),
                "status": STATUSES.get(status, status),
                "postcode": postcode,
                "neighbourhoods": names.get(pk, []),
                "last_confirmed": last_confirmed.isoformat(),
                "url": asset_url.format(pk),
            },
        }
        for pk, name, kind, status, postcode, latitude, longitude, last_confirmed in rows
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()


def _asset_url_pattern(request) -> str:
    # One reverse() for the lot: "https://site/assets/{}/".
    return request.build_absolute_uri(reverse("asset-detail", args=[0])).replace("/0/", "/{}/")


@require_GET
def assets_geojson(request):
    filters = asset_filters(request.GET)
    count, newest, links = assets_fingerprint()
    asset_url = _asset_url_pattern(request)
    wanted = json.dumps([filters, asset_url, count, str(newest), links], sort_keys=True)
    key = "assets-geojson:" + hashlib.sha256(wanted.encode()).hexdigest()
    cached = cache.get(key)
    if cached is None:
        body = feature_collection(filters, asset_url)
        cached = {
            "etag": 'W/"' + hashlib.sha256(body).hexdigest()[:32] + '"',
            "gzipped": gzip.compress(body, compresslevel=6),
        }
        cache.set(key, cached, timeout=24 * 60 * 60)
    modified = newest.astimezone(UTC).timestamp() if newest else datetime.now(UTC).timestamp()
    not_modified = get_conditional_response(
        request, etag=cached["etag"], last_modified=int(modified)
    )
    if not_modified is not None:
        response = not_modified
    elif ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(cached["gzipped"])
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(cached["gzipped"]))
    response["Content-Type"] = "application/geo+json"
    response["Access-Control-Allow-Origin"] = "*"
    response["ETag"] = cached["etag"]
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
