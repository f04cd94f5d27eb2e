"""The public directory and neighbourhood pages, at 20,000 assets."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from assets.models import Asset, AssetKind, AssetStatus
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def canal():
    return NeighbourhoodFactory(name="Canal Side", population=8400)


def test_search_by_words_postcode_neighbourhood_and_kind(client, canal):
    garden = Asset.objects.create(
        kind=AssetKind.GREEN_SPACE,
        name="Towpath gardens",
        description="Raised beds and a bench",
        postcode="AV1 2CK",
    )
    garden.neighbourhoods.add(canal)
    Asset.objects.create(kind=AssetKind.BUILDING_OR_LAND, name="Old Mill", postcode="AV9 9ZZ")
    Asset.objects.create(kind=AssetKind.GREEN_SPACE, name="Lost meadow", status=AssetStatus.LOST)
    url = reverse("asset-directory")
    assert "Towpath gardens" in client.get(url, {"q": "raised beds"}).content.decode()
    for postcode in ("av1 2ck", "AV12CK", "AV1"):
        body = client.get(url, {"q": postcode}).content.decode()
        assert "Towpath gardens" in body and "Old Mill" not in body, postcode
    body = client.get(url, {"neighbourhood": "canal-side", "kind": "green_space"}).content
    assert b"1 asset." in body
    assert b"Lost meadow" not in client.get(url).content
    page = client.get(reverse("asset-detail", args=[garden.pk])).content.decode()
    assert "Raised beds and a bench" in page and "Canal Side" in page


def test_directory_and_neighbourhood_pages_with_20000_assets(
    client, canal, django_assert_max_num_queries
):
    assets = Asset.objects.bulk_create(
        Asset(kind=AssetKind.SERVICE, name=f"Service {n:05d}") for n in range(20_000)
    )
    through = Asset.neighbourhoods.through
    through.objects.bulk_create(through(asset=a, neighbourhood=canal) for a in assets[:5000])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("asset-directory"), {"page": 7})
    assert "20000 assets." in response.content.decode()
    assert "Page 7 of 400" in response.content.decode()
    with django_assert_max_num_queries(12):
        page = client.get(reverse("neighbourhood-detail", args=["canal-side"]))
    body = page.content.decode()
    assert 'Community assets</dt><dd class="govuk-summary-list__value">5000' in re.sub(
        r">\s+<", "><", body
    )
    assert "See all 5000 assets in Canal Side" in body
    assert "8,400" in body


def test_neighbourhood_page_shows_money_awarded_there(client, canal):
    from grants.models import Application, State
    from tests.grants.factories import RoundFactory
    from tests.people.factories import UserFactory

    kitchen = OrganisationFactory(name="Canal Side Kitchen")
    kitchen.neighbourhoods.add(canal)
    Application.objects.create(
        round=RoundFactory(),
        organisation=kitchen,
        created_by=UserFactory(),
        reference="G1-1",
        project_title="Lunch",
        state=State.ACTIVE,
        approved_amount=Decimal("4500"),
    )
    body = client.get(reverse("neighbourhood-detail", args=["canal-side"])).content.decode()
    assert "Canal Side Kitchen" in body and "£4,500" in body


@pytest.mark.postgres
def test_search_answers_from_the_full_text_index_on_postgresql(client):
    from django.db import connection

    from assets.selectors import words_match

    Asset.objects.create(
        kind=AssetKind.GREEN_SPACE,
        name="Towpath gardens",
        description="Raised beds for growing vegetables",
    )
    Asset.objects.bulk_create(Asset(kind=AssetKind.SERVICE, name=f"Other {n}") for n in range(200))
    found = words_match(Asset.objects.all(), "vegetable growing")
    assert [a.name for a in found] == ["Towpath gardens"]  # stemmed: growing ~ grow
    sql, params = found.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "assets_asset_search" in plan


def test_the_map_reads_markers_from_the_sites_own_geojson(client, canal, settings):
    settings.MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    inside = Asset.objects.create(
        kind=AssetKind.GREEN_SPACE,
        name="Towpath gardens",
        latitude=Decimal("52.4"),
        longitude=Decimal("-1.5"),
    )
    inside.neighbourhoods.add(canal)
    Asset.objects.create(
        kind=AssetKind.GREEN_SPACE, name="Heights park", latitude=Decimal("52.5"), longitude=0
    )

    directory = client.get(reverse("asset-directory")).content.decode()
    filtered = client.get(reverse("asset-directory"), {"kind": "green_space", "page": 2})
    place = client.get(reverse("neighbourhood-detail", args=["canal-side"])).content.decode()
    markers = client.get(reverse("assets-geojson"), {"neighbourhood": "canal-side"}).json()

    assert 'data-geojson="/open-data/assets.geojson"' in directory
    assert 'data-tiles="https://tiles.example/{z}/{x}/{y}.png"' in directory
    assert "/static/dist/leaflet/leaflet.js" in directory
    assert "/static/dist/leaflet/leaflet.css" in directory
    assert "/static/js/asset-map.js" in directory
    # The map is labelled, and stays hidden unless the script draws it.
    assert 'role="region" aria-label="Map of community assets" hidden' in directory
    # A filtered list gets a map of the same assets (whatever its page).
    assert 'data-geojson="/open-data/assets.geojson?kind=green_space"' in filtered.content.decode()
    assert 'data-geojson="/open-data/assets.geojson?neighbourhood=canal-side"' in place
    assert [f["properties"]["name"] for f in markers["features"]] == ["Towpath gardens"]


def test_with_no_tile_server_the_map_still_has_its_outline(client, settings):
    settings.MAP_TILE_URL = ""
    NeighbourhoodFactory(
        name="Old Town",
        boundary={
            "type": "Polygon",
            "coordinates": [[[-1.9, 52.4], [-1.8, 52.4], [-1.8, 52.5], [-1.9, 52.4]]],
        },
    )

    page = client.get(reverse("neighbourhood-detail", args=["old-town"])).content.decode()

    assert 'data-tiles=""' in page
    assert 'data-outlines="neighbourhood-outline"' in page
    assert '<script id="neighbourhood-outline" type="application/json">' in page


def test_the_directory_filters_by_tag_and_the_asset_page_says_how_to_use_it(client, canal):
    lunch = Asset.objects.create(
        kind=AssetKind.SERVICE,
        name="Old Town lunch club",
        availability="Tuesdays and Thursdays, 12 to 2pm",
        cost="low",
        cost_details="£3 a meal",
        accessibility="Step-free entrance, hearing loop",
        contact_name="Maureen Platt",
        contact_email="lunch@oldtown.example",
        contact_phone="0121 496 0000",
        website="https://lunch.example",
    )
    lunch.tags.add("food", "older people")
    Asset.objects.create(kind=AssetKind.GREEN_SPACE, name="Towpath gardens")
    url = reverse("asset-directory")

    everything = client.get(url).content.decode()
    food = client.get(url, {"tag": "food"}).content.decode()
    page = client.get(reverse("asset-detail", args=[lunch.pk])).content.decode()

    assert '<option value="older-people">older people</option>' in everything
    assert "2 assets." in everything
    assert "1 asset." in food and "Towpath gardens" not in food
    assert '<option value="food" selected>food</option>' in food
    for shown in (
        "Tuesdays and Thursdays, 12 to 2pm",
        "Low cost: £3 a meal",
        "Step-free entrance, hearing loop",
        "Maureen Platt",
        'href="mailto:lunch@oldtown.example"',
        'href="tel:01214960000"',
        'href="https://lunch.example"',
        f'href="{url}?tag=older-people"',
    ):
        assert shown in page, shown


def test_the_demo_neighbourhoods_have_outlines_for_the_map(client):
    from demo.community import demo_community_load
    from neighbourhoods.models import Neighbourhood

    demo_community_load()

    for neighbourhood in Neighbourhood.objects.all():
        neighbourhood.full_clean()  # a valid GeoJSON boundary
    page = client.get(reverse("neighbourhood-detail", args=["millfield"])).content.decode()
    assert 'data-outlines="neighbourhood-outline"' in page
    assert (
        '<option value="growing">growing</option>'
        in client.get(reverse("asset-directory")).content.decode()
    )
