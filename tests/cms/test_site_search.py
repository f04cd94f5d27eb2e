"""One search across pages, calls, services, community assets and
organisations, as a person types into the site's search box."""

import re

import pytest
from django.urls import reverse

from assets.models import Asset, AssetKind, AssetStatus
from cms.models import StandardPage
from organisations.models import LegalForm, Organisation
from tests.cms.conftest import publish, round_call
from tests.neighbourhoods.factories import NeighbourhoodFactory

pytestmark = pytest.mark.django_db


def _results(client, words, **params) -> list[tuple[str, str]]:
    """(kind, title) of each result, in the order shown."""
    page = client.get(reverse("site-search"), {"q": words, **params}).content.decode()
    return re.findall(
        r'<span class="govuk-caption-s">([^<]+)</span>\s*<h3[^>]*>\s*<a[^>]*>([^<]+)</a>', page
    )


@pytest.fixture
def demo(db):
    from demo.community import demo_community_load
    from demo.places import demo_places_load

    demo_community_load()
    demo_places_load()


def test_lunch_finds_the_demo_lunch_club(client, demo):
    assert ("Service", "Old Town lunch club") in _results(client, "lunch")


def test_befriending_finds_the_demo_befriending_service(client, demo):
    assert _results(client, "befriending")[0] == ("Service", "Heights befriending service")


def test_every_kind_is_found_and_named(client, home, calls_index):
    old_town = NeighbourhoodFactory(name="Old Town", slug="old-town")
    club = Asset.objects.create(kind=AssetKind.SERVICE, name="Friday lunch club")
    club.neighbourhoods.add(old_town)
    Asset.objects.create(
        kind=AssetKind.BUILDING_OR_LAND, name="Chapel Hall", description="Lunch served daily"
    )
    Asset.objects.create(kind=AssetKind.SERVICE, name="Lost lunch club", status=AssetStatus.LOST)
    kitchen = Organisation.objects.create(name="Lunch Together", legal_form=LegalForm.CIO)
    kitchen.neighbourhoods.add(old_town)
    publish(home, StandardPage(title="Lunch and food in winter", slug="winter-food"))
    round_call(calls_index, title="Lunch clubs grants")

    results = _results(client, "lunch")

    assert sorted(results) == [
        ("Call for partners", "Lunch clubs grants"),
        ("Community asset", "Chapel Hall"),
        ("Organisation", "Lunch Together"),
        ("Page", "Lunch and food in winter"),
        ("Service", "Friday lunch club"),
    ]
    # A name holding the very words comes before a mention in a description.
    assert results.index(("Service", "Friday lunch club")) < results.index(
        ("Community asset", "Chapel Hall")
    )
    assert results[-1] == ("Community asset", "Chapel Hall")


def test_one_kind_at_a_click(client, home):
    Asset.objects.create(kind=AssetKind.SERVICE, name="Friday lunch club")
    Organisation.objects.create(
        name="Lunch Together", legal_form=LegalForm.CIO, website="https://lunch.example"
    )

    page = client.get(reverse("site-search"), {"q": "lunch"}).content.decode()
    assert 'href="?q=lunch&amp;kind=organisations"' in page
    assert f'href="{reverse("asset-directory")}?q=lunch"' in page

    assert _results(client, "lunch", kind="organisations") == [("Organisation", "Lunch Together")]


def test_every_word_must_match(client, home):
    Asset.objects.create(kind=AssetKind.SERVICE, name="Friday lunch club")

    assert _results(client, "club friday") == [("Service", "Friday lunch club")]
    assert _results(client, "club saturday") == []


def test_results_come_ten_to_a_page(client, home):
    for number in range(1, 13):
        Asset.objects.create(kind=AssetKind.SERVICE, name=f"Lunch club {number:02}")

    first = client.get(reverse("site-search"), {"q": "lunch"}).content.decode()
    second = _results(client, "lunch", page="2")

    assert first.count('<span class="govuk-caption-s">Service</span>') == 10
    assert 'rel="next"' in first
    assert second == [("Service", "Lunch club 11"), ("Service", "Lunch club 12")]


def test_nothing_found_says_so(client, home):
    page = client.get(reverse("site-search"), {"q": "zebra crossing"}).content.decode()

    assert "No results for ‘zebra crossing’" in page
    assert "Check your spelling or try other words." in page
