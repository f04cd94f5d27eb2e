"""Open Referral UK in full: single records, taxonomy terms on services and
the standard's search parameters, each answer valid against the official
schemas; every refusal is JSON with a reason, open to any site."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assets.models import Asset, AssetKind
from neighbourhoods.models import Postcode
from tests.open_data.test_openreferral import LOCATION, SERVICE, assert_valid
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TERM = SERVICE + "/properties/attributes/items/properties/taxonomy_term"


@pytest.fixture
def canal_side():
    """A postcode and three services: one at it, one about 1 km north,
    one about 5.5 km north, and one with no place at all."""
    Postcode.objects.create(
        postcode="AV1 2CK", latitude=Decimal("52.401"), longitude=Decimal("-1.512")
    )
    org = OrganisationFactory(name="Canal Side Community Kitchen")
    lunch = Asset.objects.create(
        kind=AssetKind.SERVICE,
        name="Cook-and-share lunch club",
        description="A hot meal cooked together",
        organisation=org,
        latitude=Decimal("52.401"),
        longitude=Decimal("-1.512"),
    )
    lunch.tags.add("food", "loneliness")
    walkers = Asset.objects.create(
        kind=AssetKind.COMMUNITY_GROUP,
        name="Towpath walkers",
        description="Walks for people living with dementia",
        latitude=Decimal("52.410"),
        longitude=Decimal("-1.512"),
    )
    walkers.tags.add("dementia")
    Asset.objects.create(
        kind=AssetKind.VOLUNTEERING,
        name="Hill farm volunteers",
        latitude=Decimal("52.450"),
        longitude=Decimal("-1.512"),
    )
    Asset.objects.create(kind=AssetKind.SKILLS, name="Sewing circle")
    return org, lunch, walkers


def _names(client, **params):
    response = client.get(reverse("openreferral-services"), params)
    assert response.status_code == 200, response.content
    body = response.json()
    for record in body["contents"]:
        assert_valid(SERVICE, record)
    return [record["name"] for record in body["contents"]]


def test_services_carry_their_kind_and_tags_as_taxonomy_terms(client, canal_side):
    _, lunch, _ = canal_side
    response = client.get(
        reverse("openreferral-service", args=[f"00000002-0000-8000-8000-{lunch.pk:012x}"])
    )

    record = response.json()
    assert_valid(SERVICE, record)
    terms = [a["taxonomy_term"]["name"] for a in record["attributes"]]
    assert terms == ["Charity or social enterprise service", "food", "loneliness"]
    assert all(a["link_id"] == record["id"] for a in record["attributes"])
    ids = [a["id"] for a in record["attributes"]]
    assert len(set(ids)) == 3


def test_taxonomies_and_terms_are_listed_and_found_one_by_one(client, canal_side):
    taxonomies = client.get(reverse("openreferral-taxonomies")).json()
    terms = client.get(reverse("openreferral-taxonomy-terms"), {"per_page": 200}).json()

    assert [t["name"] for t in taxonomies["contents"]] == [
        "Common Ground asset kinds",
        "Common Ground tags",
    ]
    names = [t["name"] for t in terms["contents"]]
    # Eight asset kinds, then the three tags in use.
    assert terms["total_items"] == 11
    assert names[-3:] == ["dementia", "food", "loneliness"]
    for term in terms["contents"]:
        assert_valid(TERM, term)
    food = next(t for t in terms["contents"] if t["name"] == "food")
    one = client.get(reverse("openreferral-taxonomy-term", args=[food["id"]]))
    assert one.json() == food
    tags = taxonomies["contents"][1]
    assert client.get(reverse("openreferral-taxonomy", args=[tags["id"]])).json() == tags


def test_services_searched_by_words_and_by_taxonomy(client, canal_side):
    terms = client.get(reverse("openreferral-taxonomy-terms"), {"per_page": 200}).json()
    by_name = {t["name"]: t for t in terms["contents"]}

    assert _names(client, search="dementia") == ["Towpath walkers"]
    assert _names(client, text="hot meal") == ["Cook-and-share lunch club"]
    assert _names(client, taxonomy_term_id=by_name["food"]["id"]) == ["Cook-and-share lunch club"]
    assert _names(client, taxonomy_term_id=by_name["Community group or association"]["id"]) == [
        "Towpath walkers"
    ]
    assert _names(client, taxonomy_id=by_name["food"]["taxonomy_id"]) == [
        "Cook-and-share lunch club",
        "Towpath walkers",
    ]
    assert _names(client, taxonomy_term_id="not-a-term") == []


def test_services_of_one_organisation(client, canal_side):
    org = canal_side[0]
    assert _names(client, organization_id=f"00000001-0000-8000-8000-{org.pk:012x}") == [
        "Cook-and-share lunch club"
    ]


def test_services_near_a_postcode_nearest_first(client, canal_side):
    # proximity is in metres, as the standard says.
    assert _names(client, postcode="av12ck", proximity="2000") == [
        "Cook-and-share lunch club",
        "Towpath walkers",
    ]
    assert _names(client, postcode="AV1 2CK", proximity="500") == ["Cook-and-share lunch club"]
    assert _names(client, postcode="AV1 2CK", proximity="7000") == [
        "Cook-and-share lunch club",
        "Towpath walkers",
        "Hill farm volunteers",
    ]
    # Searching by words and by place at once.
    assert _names(client, postcode="AV1 2CK", proximity="7000", search="volunteers") == [
        "Hill farm volunteers"
    ]


def test_one_location_by_its_id(client, canal_side):
    lunch = canal_side[1]
    response = client.get(
        reverse("openreferral-location", args=[f"00000003-0000-8000-8000-{lunch.pk:012x}"])
    )

    assert response["Access-Control-Allow-Origin"] == "*"
    assert_valid(LOCATION, response.json())
    assert (response.json()["latitude"], response.json()["longitude"]) == (52.401, -1.512)


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"postcode": "ZZ9 9ZZ"}, "We do not know where the postcode ZZ9 9ZZ is."),
        (
            {"postcode": "AV1 2CK", "proximity": "far"},
            "proximity is a distance in metres, e.g. 2000.",
        ),
        ({"postcode": "AV1 2CK", "proximity": "-5"}, "proximity is from 1 to 200000 metres."),
        ({"proximity": "1000"}, "proximity needs a postcode to measure from."),
    ],
)
def test_searches_that_cannot_be_answered_are_refused_with_a_reason(
    client, canal_side, params, reason
):
    response = client.get(reverse("openreferral-services"), params)

    assert response.status_code == 400
    assert response.json() == {"error": reason}
    assert response["Access-Control-Allow-Origin"] == "*"


def test_every_refusal_is_json_open_to_any_site_and_sets_no_cookie(client, canal_side):
    unknown_location = client.get(reverse("openreferral-location", args=["not-an-id"]))
    unknown_term = client.get(reverse("openreferral-taxonomy-term", args=["not-an-id"]))
    nowhere = client.get("/open-data/openreferral/nowhere/")
    writing = client.post(reverse("openreferral-services"))
    about = client.get(reverse("openreferral"))

    for response in (unknown_location, unknown_term, nowhere):
        assert response.status_code == 404
        assert "error" in response.json()
        assert response["Access-Control-Allow-Origin"] == "*"
        assert not response.cookies
    assert writing.status_code == 405 and writing.json() == {
        "error": "This API only answers GET and HEAD."
    }
    assert about.json()["version"] == "3.0"
