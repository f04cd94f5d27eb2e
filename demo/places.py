"""Demo data for finding support where you live: a small made-up postcode
directory for Ashby Vale (in the ONS Postcode Directory's layout), the
neighbourhoods' outlines, a postcode for every demo asset, and a
befriending service.

Loading is idempotent: a field already filled in is left as it is, and
loading the postcodes again updates them in place.
"""

from pathlib import Path

from django.db import transaction

from assets.models import Asset, AssetKind
from demo.community import _boundary
from neighbourhoods.models import Neighbourhood
from neighbourhoods.selectors import postcode_location
from neighbourhoods.services.postcodes import postcodes_load
from organisations.models import Organisation

POSTCODES_CSV = Path(__file__).parent / "data" / "ashby_vale_postcodes.csv"

# The neighbourhoods' outlines, (longitude, latitude) as GeoJSON has them.
# They share their edges, so every postcode in the borough is in exactly
# one; the old canal bends the edge between Canal Side and Old Town.
OUTLINES = {
    "Canal Side": [
        (-1.915, 52.472),
        (-1.902, 52.472),
        (-1.899, 52.490),
        (-1.915, 52.490),
        (-1.917, 52.480),
    ],
    "Old Town": [(-1.902, 52.472), (-1.8925, 52.472), (-1.8925, 52.490), (-1.899, 52.490)],
    "Millfield": [(-1.8925, 52.472), (-1.882, 52.472), (-1.882, 52.490), (-1.8925, 52.490)],
    "The Heights": [
        (-1.882, 52.472),
        (-1.870, 52.472),
        (-1.868, 52.485),
        (-1.870, 52.498),
        (-1.882, 52.498),
    ],
    "Northgate": [
        (-1.915, 52.490),
        (-1.899, 52.490),
        (-1.8925, 52.490),
        (-1.882, 52.490),
        (-1.882, 52.498),
        (-1.870, 52.498),
        (-1.870, 52.505),
        (-1.915, 52.505),
    ],
}

ASSET_POSTCODES = {
    "Millfield Community Centre": "AV2 4MF",
    "Canal towpath gardens": "AV1 2CK",
    "Heights Tenants' Association": "AV3 1HT",
    "Old Town lunch club": "AV1 1LC",
    "Northgate good neighbours": "AV4 2NN",
    "The Mill Tavern": "AV2 4MT",
    "Heights befriending service": "AV3 1PS",
}

BEFRIENDING = {
    "name": "Heights befriending service",
    "kind": AssetKind.SERVICE,
    "description": "Friendly volunteers who visit or phone people who feel lonely or cut "
    "off: a chat and a cup of tea at home, or company on a trip to the shops.",
    "address": "Beacon House\nThe Heights\nAshby Vale",
    "availability": "Visits on weekdays; phone calls every day, 10am to 8pm",
    "cost": "free",
    "contact_phone": "0121 496 0123",
    "contact_email": "befriending@heightstogether.example",
}


def _polygon(points: list[tuple[float, float]]) -> dict:
    ring = [[x, y] for x, y in points] + [[points[0][0], points[0][1]]]
    return {"type": "Polygon", "coordinates": [ring]}


def _befriending_service() -> None:
    spec = dict(BEFRIENDING)
    asset, created = Asset.objects.get_or_create(
        name=spec.pop("name"),
        defaults={
            **spec,
            "organisation": Organisation.objects.filter(name="Heights Together").first(),
        },
    )
    if created:
        asset.neighbourhoods.add(Neighbourhood.objects.get(name="The Heights"))
        asset.tags.add("befriending", "loneliness", "older people")


@transaction.atomic
def demo_places_load() -> None:
    with POSTCODES_CSV.open(newline="", encoding="utf-8") as lines:
        postcodes_load(lines=lines)
    for name, points in OUTLINES.items():
        neighbourhood = Neighbourhood.objects.get(name=name)
        # The first demo drew a box around each place's assets; an outline
        # someone has drawn since is theirs and stays.
        if neighbourhood.boundary in (None, _boundary(name)):
            neighbourhood.boundary = _polygon(points)
            neighbourhood.save(update_fields=["boundary"])
    _befriending_service()
    for name, postcode in ASSET_POSTCODES.items():
        asset = Asset.objects.filter(name=name).first()
        if asset is None:
            continue
        changed = []
        if not asset.postcode:
            asset.postcode = postcode
            changed.append("postcode")
        if asset.latitude is None or asset.longitude is None:
            asset.latitude, asset.longitude = postcode_location(postcode)
            changed += ["latitude", "longitude"]
        if changed:
            # `updated` too: the map's cached GeoJSON is keyed on it.
            asset.save(update_fields=[*changed, "updated"])
