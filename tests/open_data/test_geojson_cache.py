"""The assets' GeoJSON is fetched by every visit to the directory: cached,
compressed, and answered 304 Not Modified while nothing has changed."""

import gzip
import json

import pytest
from django.urls import reverse

from assets.models import Asset, AssetKind
from tests.neighbourhoods.factories import NeighbourhoodFactory

pytestmark = pytest.mark.django_db


def add_assets(count, start=0):
    return Asset.objects.bulk_create(
        Asset(kind=AssetKind.SERVICE, name=f"Club {n}", latitude="52.4", longitude="-1.9")
        for n in range(start, start + count)
    )


@pytest.fixture
def hall():
    return Asset.objects.create(
        kind=AssetKind.BUILDING_OR_LAND,
        name="St Anne's Hall",
        latitude="52.480100",
        longitude="-1.902500",
    )


def names(response):
    return [f["properties"]["name"] for f in json.loads(response.content)["features"]]


def test_a_repeat_visit_is_answered_304_until_an_asset_changes(client, hall):
    url = reverse("assets-geojson")
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=60"
    etag = first["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304

    hall.name = "St Anne's Community Hall"
    hall.save()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert names(changed) == ["St Anne's Community Hall"]


def test_a_new_neighbourhood_link_or_name_changes_the_feed(client, hall):
    url = reverse("assets-geojson")
    etag = client.get(url)["ETag"]
    canal = NeighbourhoodFactory(name="Canal Side")
    hall.neighbourhoods.add(canal)
    linked = client.get(url, headers={"If-None-Match": etag})
    assert linked.status_code == 200
    assert json.loads(linked.content)["features"][0]["properties"]["neighbourhoods"] == [
        "Canal Side"
    ]
    canal.name = "Canal and Wharf"
    canal.save()
    renamed = client.get(url, headers={"If-None-Match": linked["ETag"]})
    assert renamed.status_code == 200
    assert json.loads(renamed.content)["features"][0]["properties"]["neighbourhoods"] == [
        "Canal and Wharf"
    ]


def test_assets_added_in_bulk_or_removed_show_at_once(client, hall):
    url = reverse("assets-geojson")
    assert names(client.get(url)) == ["St Anne's Hall"]
    add_assets(2)
    assert names(client.get(url)) == ["St Anne's Hall", "Club 0", "Club 1"]
    hall.delete()
    assert names(client.get(url)) == ["Club 0", "Club 1"]


def test_the_feed_is_gzipped_for_browsers_that_accept_it(client, hall):
    add_assets(200)
    url = reverse("assets-geojson")
    plain = client.get(url)
    zipped = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) * 5 < len(plain.content)
    assert len(json.loads(plain.content)["features"]) == 201


def test_filtered_feeds_are_cached_apart(client, hall):
    url = reverse("assets-geojson")
    add_assets(3)
    assert len(names(client.get(url))) == 4
    assert names(client.get(url, {"q": "hall"})) == ["St Anne's Hall"]
    assert client.get(url, {"q": "hall"})["ETag"] != client.get(url)["ETag"]


def test_queries_stay_flat_cold_and_warm(client, django_assert_max_num_queries):
    place = NeighbourhoodFactory(name="Old Town")
    through = Asset.neighbourhoods.through
    url = reverse("assets-geojson")
    for size in (30, 600):
        assets = add_assets(size, start=size)
        through.objects.bulk_create(through(asset=a, neighbourhood=place) for a in assets)
        with django_assert_max_num_queries(3):  # the fingerprint, the assets, their places
            cold = client.get(url)
        with django_assert_max_num_queries(1):  # the fingerprint alone
            warm = client.get(url)
        assert cold.content == warm.content
