"""The Open Referral UK API: records valid against the official schemas."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from assets.models import Asset, AssetCost, AssetKind, AssetStatus
from organisations.models import LegalForm
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.organisations.factories import OrganisationFactory
from tests.standards import STANDARDS_DIR

pytestmark = pytest.mark.django_db

SCHEMAS = STANDARDS_DIR / "openreferral-uk"


# The compiled organisation schema holds every part inline, including the
# cost options and accessibility that have no file of their own here.
SERVICE = "organization.compiled.json#/properties/services/items"
LOCATION = SERVICE + "/properties/service_at_locations/items/properties/location"


def validator(name: str) -> Draft202012Validator:
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text()), DRAFT202012))
        for path in SCHEMAS.glob("*.json")
    ]
    # attribute.json names taxonomy_term.json, which is published only
    # inside the compiled schema: take it from there.
    compiled = json.loads((SCHEMAS / "organization.compiled.json").read_text())
    term = compiled["properties"]["services"]["items"]["properties"]["attributes"]["items"]
    term = term["properties"]["taxonomy_term"]
    resources.append(("taxonomy_term.json", Resource.from_contents(term, DRAFT202012)))
    registry = Registry().with_resources(resources)
    schema = {"$ref": name} if "#" in name else json.loads((SCHEMAS / name).read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def assert_valid(name: str, record: dict) -> None:
    problems = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(name).iter_errors(record)
    ]
    assert problems == []


@pytest.fixture
def kitchen():
    canal = NeighbourhoodFactory(name="Canal Side", slug="canal-side")
    org = OrganisationFactory(
        name="Canal Side Community Kitchen",
        legal_form=LegalForm.CIO,
        charity_number="1190001",
        email="hello@kitchen.example",
    )
    org.neighbourhoods.add(canal)
    lunch = Asset.objects.create(
        kind=AssetKind.SERVICE,
        name="Cook-and-share lunch club",
        description="A hot meal cooked together, all welcome",
        organisation=org,
        postcode="AV1 2CK",
        latitude=Decimal("52.401"),
        longitude=Decimal("-1.512"),
        availability="Tuesdays and Thursdays, 12 to 2pm",
        cost=AssetCost.FREE,
        cost_details="Donations welcome",
        accessibility="Step-free entrance, hearing loop",
        contact_name="Maureen Platt",
        contact_email="lunch@kitchen.example",
        contact_phone="0121 496 0000",
        website="https://kitchen.example/lunch",
    )
    lunch.neighbourhoods.add(canal)
    Asset.objects.create(kind=AssetKind.SERVICE, name="Closed choir", status=AssetStatus.LOST)
    Asset.objects.create(kind=AssetKind.GREEN_SPACE, name="Towpath gardens", postcode="AV1 2CL")
    return org, lunch


def test_services_are_valid_open_referral_records(client, kitchen):
    response = client.get(reverse("openreferral-services"))

    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert (body["total_items"], body["first_page"], body["last_page"]) == (2, True, True)
    by_name = {record["name"]: record for record in body["contents"]}
    assert set(by_name) == {"Cook-and-share lunch club", "Closed choir"}  # not the garden
    for record in body["contents"]:
        assert_valid(SERVICE, record)
    for record in body["contents"]:
        # service.json's own references name cost_option.json and
        # accessibility.json, which are not shipped: check records without
        # those parts against it too.
        if "cost_options" not in record and not record["service_at_locations"]:
            assert_valid("service.json", record)
    lunch_record = by_name["Cook-and-share lunch club"]
    assert lunch_record["status"] == "active" and by_name["Closed choir"]["status"] == "defunct"
    place = lunch_record["service_at_locations"][0]["location"]
    assert (place["latitude"], place["longitude"]) == (52.401, -1.512)
    assert lunch_record["service_areas"][0]["name"] == "Canal Side"
    # Who can use it and how, in ORUK's own places.
    assert lunch_record["url"] == "https://kitchen.example/lunch"
    assert lunch_record["schedules"][0]["description"] == "Tuesdays and Thursdays, 12 to 2pm"
    assert lunch_record["cost_options"][0] | {"id": None, "service_id": None} == {
        "id": None,
        "service_id": None,
        "option": "Free",
        "amount": 0,
        "amount_description": "Donations welcome",
    }
    assert lunch_record["email"] == "lunch@kitchen.example"
    [contact] = lunch_record["contacts"]
    assert contact["name"] == "Maureen Platt"
    [phone] = contact["phones"]
    assert_valid("phone.json", phone)
    assert (phone["number"], phone["contact_id"]) == ("0121 496 0000", contact["id"])
    assert place["accessibility"][0]["description"] == "Step-free entrance, hearing loop"
    ids = [lunch_record["id"], contact["id"], phone["id"], place["id"]]
    assert len(set(ids)) == len(ids)

    one = client.get(reverse("openreferral-service", args=[lunch_record["id"]])).json()
    assert one == lunch_record
    owner = client.get(
        reverse("openreferral-organization", args=[lunch_record["organization_id"]])
    ).json()
    assert owner["name"] == "Canal Side Community Kitchen"


def test_organizations_and_locations_are_valid(client, kitchen):
    organisations = client.get(reverse("openreferral-organizations")).json()["contents"]
    locations = client.get(reverse("openreferral-locations")).json()["contents"]

    for record in organisations:
        assert_valid("organization.json", record)
    for record in locations:
        assert_valid(LOCATION, record)
    kitchen_record = next(r for r in organisations if r["name"].startswith("Canal Side"))
    assert kitchen_record["organization_identifiers"][0]["identifier"] == "1190001"
    assert {r["name"] for r in locations} == {"Cook-and-share lunch club", "Towpath gardens"}


def test_an_invalid_record_fails_the_schema_check():
    with pytest.raises(AssertionError):
        assert_valid("service.json", {"id": "not-a-uuid", "name": "X", "status": "open"})
    with pytest.raises(AssertionError):
        assert_valid(SERVICE, {"id": "not-a-uuid", "name": "X", "status": "active"})


def test_bad_requests_get_a_reason(client, kitchen):
    unknown = client.get(reverse("openreferral-service", args=["not-a-uuid"]))
    bad_page = client.get(reverse("openreferral-services"), {"page": "two"})
    too_big = client.get(reverse("openreferral-services"), {"per_page": 5000})
    writing = client.post(reverse("openreferral-services"))

    assert unknown.status_code == 404 and "not-a-uuid" in unknown.json()["error"]
    assert bad_page.status_code == 400 and "whole numbers" in bad_page.json()["error"]
    assert too_big.status_code == 400
    assert writing.status_code == 405


def test_pages_of_services_take_a_bounded_number_of_queries(
    client, kitchen, django_assert_max_num_queries
):
    canal = kitchen[1].neighbourhoods.get()
    for n in range(300):
        asset = Asset.objects.create(kind=AssetKind.COMMUNITY_GROUP, name=f"Group {n}")
        asset.neighbourhoods.add(canal)

    with django_assert_max_num_queries(4):
        first = client.get(reverse("openreferral-services"), {"per_page": 200}).json()
    with django_assert_max_num_queries(4):
        last = client.get(reverse("openreferral-services"), {"per_page": 200, "page": 2}).json()

    assert (first["total_items"], first["size"], last["size"]) == (302, 200, 102)
    assert last["last_page"] and not first["last_page"]


def test_pages_of_organisations_and_locations_take_a_bounded_number_of_queries(
    client, kitchen, django_assert_max_num_queries
):
    canal = kitchen[0].neighbourhoods.get()
    for n in range(120):
        org = OrganisationFactory(name=f"Group {n}")
        org.neighbourhoods.add(canal)
        Asset.objects.create(kind=AssetKind.BUILDING_OR_LAND, name=f"Hall {n}", postcode="AV1 1AA")

    with django_assert_max_num_queries(4):
        organisations = client.get(reverse("openreferral-organizations"), {"per_page": 200})
    with django_assert_max_num_queries(3):
        locations = client.get(reverse("openreferral-locations"), {"per_page": 100})

    assert organisations.json()["total_items"] == 121
    assert len(organisations.json()["contents"]) == 121
    body = locations.json()
    assert (body["total_items"], body["size"], body["total_pages"]) == (122, 100, 2)
    assert locations["Access-Control-Allow-Origin"] == "*"
