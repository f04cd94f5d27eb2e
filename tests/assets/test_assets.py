"""Assets: open GeoJSON for the map, and their place in options appraisal."""

import json
from datetime import date

import pytest
from django.urls import reverse

from assets.models import Asset, AssetKind, AssetStatus
from tests.neighbourhoods.factories import NeighbourhoodFactory

pytestmark = pytest.mark.django_db


def test_assets_geojson_is_valid_public_and_leaves_out_lost_or_unplaced(client):
    canal = NeighbourhoodFactory(name="Canal Side")
    hall = Asset.objects.create(
        kind=AssetKind.BUILDING_OR_LAND,
        name="St Anne's Hall",
        latitude="52.480100",
        longitude="-1.902500",
        postcode="AV4 2NN",
        last_confirmed=date(2026, 5, 1),
    )
    hall.neighbourhoods.add(canal)
    Asset.objects.create(
        kind=AssetKind.GREEN_SPACE,
        name="Lost garden",
        status=AssetStatus.LOST,
        latitude="52.1",
        longitude="-1.9",
    )
    Asset.objects.create(kind=AssetKind.SKILLS, name="Knitting circle")  # no location
    response = client.get(reverse("assets-geojson"))
    assert response["Content-Type"] == "application/geo+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]
    # RFC 7946: longitude first.
    assert feature["geometry"] == {"type": "Point", "coordinates": [-1.9025, 52.4801]}
    assert feature["properties"]["neighbourhoods"] == ["Canal Side"]
    assert feature["properties"]["name"] == "St Anne's Hall"


def test_geojson_query_count_does_not_grow_with_assets(client, django_assert_max_num_queries):
    place = NeighbourhoodFactory(name="Old Town")
    assets = Asset.objects.bulk_create(
        Asset(kind=AssetKind.SERVICE, name=f"Service {n}", latitude="52.4", longitude="-1.9")
        for n in range(300)
    )
    for asset in assets[:50]:
        asset.neighbourhoods.add(place)
    with django_assert_max_num_queries(3):
        data = json.loads(client.get(reverse("assets-geojson")).content)
    assert len(data["features"]) == 300


def test_geojson_takes_the_directorys_filters_and_links_each_asset_page(client):
    canal = NeighbourhoodFactory(name="Canal Side")
    lunch = Asset.objects.create(
        kind=AssetKind.SERVICE, name="Lunch club", latitude="52.4", longitude="-1.9"
    )
    lunch.neighbourhoods.add(canal)
    lunch.tags.add("food")
    Asset.objects.create(
        kind=AssetKind.GREEN_SPACE, name="Heights park", latitude="52.5", longitude="-1.8"
    )

    def names(**params):
        data = client.get(reverse("assets-geojson"), params).json()
        return [feature["properties"]["name"] for feature in data["features"]]

    assert names() == ["Lunch club", "Heights park"]
    assert names(neighbourhood="canal-side") == ["Lunch club"]
    assert names(kind="green_space") == ["Heights park"]
    assert names(tag="food") == ["Lunch club"]
    assert names(q="lunch") == ["Lunch club"]
    [feature] = client.get(reverse("assets-geojson"), {"tag": "food"}).json()["features"]
    assert feature["properties"]["url"] == f"http://testserver/assets/{lunch.pk}/"
