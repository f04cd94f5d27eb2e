"""The directory and its search at a council's size: answered from indexes,
with the same number of queries whatever the number of assets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assets.models import Asset, AssetKind
from assets.selectors import assets_find
from tests.neighbourhoods.factories import NeighbourhoodFactory

pytestmark = pytest.mark.django_db

WORDS = ["lunch club", "food bank", "choir", "allotment", "youth club", "library", "walking"]


def make_assets(count, *, place=None, start=0):
    assets = Asset.objects.bulk_create(
        Asset(
            kind=AssetKind.SERVICE,
            name=f"{WORDS[n % len(WORDS)].title()} {n:05d}",
            description=f"A {WORDS[n % len(WORDS)]} for neighbours, open to all. " * 4,
            postcode=f"AV{n % 9 + 1} {n % 10}XY",
            latitude="52.48",
            longitude="-1.90",
        )
        for n in range(start, start + count)
    )
    if place:
        through = Asset.neighbourhoods.through
        through.objects.bulk_create(through(asset=a, neighbourhood=place) for a in assets)
    return assets


@pytest.mark.postgres
def test_search_by_words_is_answered_from_the_full_text_index():
    make_assets(4000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE assets_asset")
    plan = assets_find(words="food").explain()
    # The words branch reads the GIN index and the postcode branch its own,
    # and to_tsvector is never computed row by row in a filter.
    assert "Bitmap Index Scan on assets_asset_search" in plan, plan
    assert "assets_asset_postcode_start" in plan, plan
    filters = [line for line in plan.splitlines() if "Filter:" in line]
    assert not any("to_tsvector" in line for line in filters), plan
    # And the answer is the one a resident expects: the 572 food banks.
    assert assets_find(words="food").count() == 572
    postcode_plan = assets_find(words="AV3 2XY").explain()
    assert "assets_asset_postcode_start" in postcode_plan, postcode_plan
    assert assets_find(words="AV3 2XY").count() == 45


def list_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("asset-directory"), params)
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize(
    "params", [{}, {"q": "food"}, {"q": "AV3"}, {"neighbourhood": "canal-side", "page": 2}]
)
def test_directory_and_search_queries_stay_flat_and_narrow(client, params):
    place = NeighbourhoodFactory(name="Canal Side")
    make_assets(70, place=place)
    _, few = list_queries(client, params)
    make_assets(700, place=place, start=70)
    response, many = list_queries(client, params)
    assert len(many) == len(few)
    listing = [sql for sql in many if 'FROM "assets_asset"' in sql and "LIMIT" in sql]
    assert listing, many
    # No DISTINCT sort of whole rows, and none of the long text the list never shows.
    assert not any("DISTINCT" in sql for sql in many if 'FROM "assets_asset"' in sql)
    columns = [sql.split(" FROM ")[0] for sql in listing]
    assert not any('"assets_asset"."description"' in selected for selected in columns), columns
    assert b"Page " in response.content


def test_search_finds_words_and_postcodes_together(client):
    place = NeighbourhoodFactory(name="Canal Side")
    make_assets(14, place=place)
    body = client.get(reverse("asset-directory"), {"q": "food"}).content.decode()
    assert "2 assets." in body and "Food Bank 00001" in body and "Choir 00002" not in body
    body = client.get(reverse("asset-directory"), {"q": "av3 2xy"}).content.decode()
    assert "1 asset." in body and "Choir 00002" in body
    # A neighbourhood filter no longer repeats an asset linked twice over.
    other = NeighbourhoodFactory(name="Old Town")
    Asset.objects.get(name="Food Bank 00001").neighbourhoods.add(other)
    body = client.get(reverse("asset-directory"), {"neighbourhood": "canal-side"}).content
    assert b"14 assets." in body
