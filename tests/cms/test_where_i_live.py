"""Where I live: the neighbourhoods on a map, and what is near a postcode."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    from demo.community import demo_community_load
    from demo.places import demo_places_load

    demo_community_load()
    demo_places_load()


def _near(client, postcode, **params) -> tuple[str, list[tuple[str, str]]]:
    page = client.get(reverse("neighbourhood-index"), {"postcode": postcode, **params})
    body = page.content.decode()
    listed = re.findall(
        r'<a class="govuk-link govuk-!-font-weight-bold" href="/assets/\d+/">([^<]+)</a>\s*'
        r'<strong class="app-distance">([^<]+)</strong>',
        body,
    )
    return body, [(name.replace("&#x27;", "'"), distance) for name, distance in listed]


def test_the_index_lists_the_neighbourhoods_with_their_outlines(client, demo):
    page = client.get(reverse("neighbourhood-index")).content.decode()

    for name in ("Canal Side", "Millfield", "Northgate", "Old Town", "The Heights"):
        assert name in page
    assert 'data-outlines="neighbourhood-outlines"' in page
    assert page.count('"type": "Polygon"') == 5


def test_a_demo_postcode_finds_the_assets_within_a_mile_nearest_first(client, demo):
    # AV1 2CK is the lock-keeper's cottage on the canal.
    body, near = _near(client, "av1 2ck")

    assert near == [
        ("Canal towpath gardens", "less than 0.1 miles"),
        ("Old Town lunch club", "0.4 miles"),
        ("Millfield Community Centre", "0.8 miles"),
        ("The Mill Tavern", "0.9 miles"),
    ]
    assert "4 places within 1 mile of AV1 2CK" in body
    assert "AV1 2CK is in" in body and ">Canal Side</a>" in body


def test_a_shorter_distance_lists_fewer(client, demo):
    _, near = _near(client, "AV1 2CK", distance="0.5")

    assert [name for name, _ in near] == ["Canal towpath gardens", "Old Town lunch club"]


def test_an_unknown_postcode_says_why(client, demo):
    body, near = _near(client, "AV1 1ZZ")

    assert near == []
    assert "We cannot find AV1 1ZZ in the postcode directory" in body
    assert "<title>Error:" in body


def test_not_a_postcode_says_so(client, demo):
    body, _ = _near(client, "lunch")

    assert "Enter a real UK postcode, like SW1A 1AA" in body


def test_a_postcode_outside_the_area_says_so(client, demo):
    body, near = _near(client, "AV9 1XA", distance="5")

    assert "AV9 1XA is outside the neighbourhoods this map covers" in body
    assert near[0] == ("Northgate good neighbours", "2.1 miles")
