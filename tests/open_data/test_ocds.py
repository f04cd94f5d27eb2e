"""Tenders as OCDS 1.1.5: the demo's releases and records are valid against
the official schema, and nothing of a sealed bid is released."""

import io
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django_fsm_log.models import StateLog
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from commissioning.models import Bid, Tender
from tests.standards import STANDARDS_DIR

pytestmark = pytest.mark.django_db

SCHEMAS = STANDARDS_DIR / "ocds-1.1.5"
RELEASE_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"
BID_ANSWER = "Two part-time connectors based at the community centre."
CONNECTORS = "Community connectors for Millfield and Northgate"


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


def problems(document: dict, schema_name: str) -> list[str]:
    registry = Registry().with_resource(
        RELEASE_URL, Resource.from_contents(_schema("release-schema.json"), DRAFT4)
    )
    validator = Draft4Validator(
        _schema(schema_name), registry=registry, format_checker=FormatChecker()
    )
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


def tags() -> set[str]:
    lines = (SCHEMAS / "codelists" / "releaseTag.csv").read_text().splitlines()[1:]
    return {line.split(",")[0] for line in lines}


@pytest.fixture
def demo():
    call_command("demo_load", stdout=io.StringIO())


def connectors(items: list[dict]) -> list[dict]:
    """The releases or records of the demo's open tender (the demo also
    holds a contract let before it begins)."""
    tender = Tender.objects.get(title=CONNECTORS)
    return [item for item in items if item["ocid"] == f"ocds-a1b2c3-tender-{tender.pk}"]


def fetch(client, name: str) -> dict:
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_the_demo_tender_is_a_valid_release_package(client, demo):
    package = fetch(client, "ocds-releases")
    assert problems(package, "release-package-schema.json") == []
    tender = Tender.objects.get(title=CONNECTORS)
    planning, release = connectors(package["releases"])
    assert planning["tag"] == ["planning"]
    assert planning["planning"]["rationale"].startswith("Older people in Millfield")
    assert (
        "Options appraisal: a tender, because A contract over three years"
        in (planning["planning"]["rationale"])
    )
    assert release["ocid"] == planning["ocid"] == f"ocds-a1b2c3-tender-{tender.pk}"
    assert release["tag"] == ["tender"]
    assert set(release["tag"]) <= tags()
    assert release["tender"]["status"] == "active"
    assert release["tender"]["value"] == {"amount": 360000.0, "currency": "GBP"}
    assert release["tender"]["procurementMethod"] == "selective"
    assert release["tender"]["awardCriteria"] == "ratedCriteria"
    assert release["tender"]["awardCriteriaDetails"] == (
        "Insurance and CQC registration: pass or fail; "
        "Method: how care is organised around each person: 40%; "
        "Working with community assets and families: 20%; "
        "Social value commitments (social value): 15%; "
        "Price: 25%"
    )
    assert release["buyer"]["name"] == "Ashby Vale Borough Council"


def test_the_check_fails_when_a_required_field_is_missing(client, demo):
    package = fetch(client, "ocds-releases")
    del package["releases"][0]["initiationType"]
    assert problems(package, "release-package-schema.json") != []


def test_nothing_of_a_sealed_bid_is_released(client, demo):
    bid = Bid.objects.get(tender__title=CONNECTORS)
    assert bid.versions.exists()
    for name in ("ocds-releases", "ocds-records"):
        text = json.dumps(fetch(client, name))
        assert BID_ANSWER not in text
        assert "172000" not in text
        assert bid.organisation.name not in text
        assert bid.reference not in text


def test_records_compile_the_releases_into_a_valid_release(client, demo):
    package = fetch(client, "ocds-records")
    [record] = connectors(package["records"])
    compiled = record["compiledRelease"]
    assert compiled["tag"] == ["compiled"]
    assert problems(compiled, "release-schema.json") == []
    for release in record["releases"]:
        assert problems(release, "release-schema.json") == []
    assert compiled["tender"]["title"] == "Community connectors for Millfield and Northgate"
    # The later release's status wins; the planning rationale stays.
    assert compiled["tender"]["status"] == "active"
    assert compiled["planning"]["rationale"].startswith("Older people in Millfield")


def test_an_awarded_tender_names_its_supplier_and_value(client, demo):
    tender = Tender.objects.get(title=CONNECTORS)
    bid = Bid.objects.get(tender=tender)
    lot = bid.lot
    lot.winner = bid
    lot.save(update_fields=["winner"])
    Tender.objects.filter(pk=tender.pk).update(state="awarded")
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(Tender),
        object_id=tender.pk,
        source_state="standstill",
        state="awarded",
        transition="award",
    )
    package = fetch(client, "ocds-releases")
    assert problems(package, "release-package-schema.json") == []
    releases = connectors(package["releases"])
    assert [r["tag"] for r in releases] == [["planning"], ["tender"], ["award"]]
    award = releases[2]
    assert award["tender"]["status"] == "complete"
    [awarded] = award["awards"]
    assert awarded["value"] == {"amount": 172000.0, "currency": "GBP"}
    assert awarded["suppliers"] == [
        {"id": bid.organisation.org_id, "name": "Millfield Shared Lives CIC"}
    ]
    # The answers stay with the council even after award.
    assert BID_ANSWER not in json.dumps(package)
    records = fetch(client, "ocds-records")
    compiled = connectors(records["records"])[0]["compiledRelease"]
    assert problems(compiled, "release-schema.json") == []
    assert compiled["awards"][0]["value"]["amount"] == 172000.0


def test_the_check_fails_when_a_records_release_lacks_a_required_field(client, demo):
    [record] = connectors(fetch(client, "ocds-records")["records"])
    compiled, first = record["compiledRelease"], record["releases"][0]
    del compiled["ocid"]
    del first["date"]

    assert problems(compiled, "release-schema.json") != []
    assert problems(first, "release-schema.json") != []
