"""The search other sites embed: open to every origin, and cookie-free."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    from demo.community import demo_community_load
    from demo.places import demo_places_load

    demo_community_load()
    demo_places_load()


def test_the_search_answers_any_site_and_sets_no_cookie(client, demo):
    response = client.get(
        reverse("widget-search"), {"q": "lunch"}, HTTP_ORIGIN="https://gp.example"
    )

    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers
    (club,) = response.json()["results"]
    assert club["name"] == "Old Town lunch club"
    assert club["url"] == "http://testserver/assets/{}/".format(
        club["url"].rstrip("/").rsplit("/", 1)[1]
    )
    assert club["neighbourhoods"] == ["Old Town"]
    assert club["opening_times"] == "Tuesdays and Thursdays, 12 to 2pm"
    assert club["cost"] == "Low cost: £3 a meal; free for anyone who cannot pay"


def test_one_neighbourhood_or_topic(client, demo):
    in_millfield = client.get(reverse("widget-search"), {"neighbourhood": "millfield"}).json()
    about_loneliness = client.get(reverse("widget-search"), {"topic": "loneliness"}).json()

    assert [r["name"] for r in in_millfield["results"]] == [
        "Millfield Community Centre",
        "The Mill Tavern",
    ]
    assert [r["name"] for r in about_loneliness["results"]] == [
        "Heights befriending service",
        "Old Town lunch club",
    ]


def test_nearest_first_from_a_postcode(client, demo):
    found = client.get(reverse("widget-search"), {"postcode": "AV1 2CK"}).json()["results"]

    assert [(r["name"], r["distance"]) for r in found[:3]] == [
        ("Canal towpath gardens", "less than 0.1 miles"),
        ("Old Town lunch club", "0.4 miles"),
        ("Millfield Community Centre", "0.8 miles"),
    ]


def test_an_unknown_postcode_is_explained(client, demo):
    answer = client.get(reverse("widget-search"), {"postcode": "zz99 9zz"}).json()

    assert answer == {
        "results": [],
        "message": "We cannot find the postcode ZZ99 9ZZ. Check it is right.",
    }


def test_the_script_is_served_to_any_site(client):
    response = client.get(reverse("widget-script"))

    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert b"data-common-ground-search" in response.content


def test_the_page_gives_a_snippet_to_copy(client, demo):
    page = client.get(reverse("widget"), {"neighbourhood": "old-town"}).content.decode()

    assert '&lt;div data-common-ground-search data-neighbourhood="old-town"' in page
    assert "http://testserver/widget/widget.js" in page
    assert "sets no cookies" in page
