"""Grants as 360Giving open data: the demo's package is valid against the
official schema, carries the right grants, and names no individual."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from flattentool import unflatten
from jsonschema import Draft202012Validator, FormatChecker
from openpyxl import load_workbook
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from grants.models import Application, Programme
from open_data import flattening
from organisations.models import LegalForm, Organisation
from tests.standards import STANDARDS_DIR

pytestmark = pytest.mark.django_db

SCHEMAS = STANDARDS_DIR / "360giving"
# The package schema names the grant schema by its published address.
GRANT_SCHEMA_URL = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json"


def problems(package: dict) -> list[str]:
    grant = json.loads((SCHEMAS / "360-giving-schema.json").read_text())
    registry = Registry().with_resource(
        GRANT_SCHEMA_URL, Resource.from_contents(grant, DRAFT202012)
    )
    schema = json.loads((SCHEMAS / "360-giving-package-schema.json").read_text())
    validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(package)
    ]


@pytest.fixture
def demo():
    """The demo with one programme published: the Tea and talk grant's, the
    one these tests follow. Other programmes publish nothing here."""
    call_command("demo_load", stdout=io.StringIO())
    tea = Application.objects.get(project_title="Tea and talk afternoons")
    Programme.objects.exclude(rounds__applications=tea).update(publish_360giving_from=None)


@pytest.fixture
def whole_demo():
    call_command("demo_load", stdout=io.StringIO())


def package(client) -> dict:
    response = client.get(reverse("threesixty-json"))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_the_demo_grant_is_published_valid_with_its_amount_and_org_id(client, demo):
    data = package(client)
    assert problems(data) == []
    approved = Application.objects.get(project_title="Tea and talk afternoons")
    [grant] = data["grants"]
    assert grant["id"] == f"360G-ashbyvale-{approved.reference}"
    assert grant["amountAwarded"] == 5000
    assert grant["currency"] == "GBP"
    # The first of its two payments has been paid.
    assert grant["amountDisbursed"] == 3000
    assert grant["recipientOrganization"] == [
        {
            "id": "GB-CHC-512345",
            "name": "Northgate Neighbours",
            "charityNumber": "512345",
            "postalCode": "AV4 2NN",
            "addressCountry": "United Kingdom",
        }
    ]
    assert grant["fundingOrganization"] == [
        {"id": "GB-LAE-ASV", "name": "Ashby Vale Borough Council"}
    ]
    assert grant["grantProgramme"][0]["title"] == "Connected Communities Fund"
    assert grant["beneficiaryLocation"] == [
        {"name": "Northgate", "countryCode": "GB", "geoCode": "E05099905", "geoCodeType": "WD"}
    ]
    assert grant["classifications"][0]["title"] == "Grant active"
    assert grant["awardDate"] == timezone.localdate().isoformat()
    assert data["license"] == (
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    )
    # Applications not yet approved are not grants.
    assert "Cook-and-share lunch club" not in json.dumps(data)


def test_the_schema_check_fails_when_a_required_field_is_missing(client, demo):
    data = package(client)
    del data["grants"][0]["amountAwarded"]
    assert problems(data) != []


def test_a_programme_not_opted_in_publishes_nothing(client, demo):
    Programme.objects.update(publish_360giving_from=None)
    assert package(client)["grants"] == []
    response = client.get(reverse("threesixty-page"))
    assert "No grants are published yet." in response.content.decode()


def test_grants_decided_before_the_programme_opted_in_stay_out(client, demo):
    published = Programme.objects.exclude(publish_360giving_from=None)
    published.update(publish_360giving_from=timezone.localdate() + timedelta(days=1))
    assert package(client)["grants"] == []
    published.update(publish_360giving_from=timezone.localdate())
    assert len(package(client)["grants"]) == 1


def test_an_individuals_name_never_appears(client, demo):
    Organisation.objects.filter(name="Northgate Neighbours").update(
        name="Priya Sharma", legal_form=LegalForm.SOLE_TRADER, charity_number=""
    )
    data = package(client)
    assert problems(data) == []
    [grant] = data["grants"]
    assert "recipientOrganization" not in grant
    assert grant["recipientIndividual"]["name"] == "Individual recipient"
    assert "beneficiaryLocation" not in grant
    csv_text = client.get(reverse("threesixty-csv")).content.decode()
    sheets = load_workbook(io.BytesIO(client.get(reverse("threesixty-xlsx")).content))
    cells = " ".join(
        str(cell)
        for sheet in sheets.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    )
    for text in (json.dumps(data), csv_text, cells):
        assert "Priya" not in text
        assert "Sharma" not in text
        # Nor who signed the offer, nor the project's own words.
        assert "Group Lead" not in text
        assert "Tea and talk" not in text


def test_the_csv_has_the_standards_column_titles(client, demo):
    response = client.get(reverse("threesixty-csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    approved = Application.objects.get(project_title="Tea and talk afternoons")
    assert rows[0]["Identifier"] == f"360G-ashbyvale-{approved.reference}"
    assert rows[0]["Amount Awarded"] == "5000"
    assert rows[0]["Recipient Org:Identifier"] == "GB-CHC-512345"
    assert rows[0]["Funding Org:Name"] == "Ashby Vale Borough Council"
    assert rows[0]["Beneficiary Location:Geographic Code"] == "E05099905"


def test_the_page_lists_the_files_with_their_date(client, demo):
    # Reached from every page's footer, as a visitor finds it.
    home = client.get("/").content.decode()
    assert f'href="{reverse("threesixty-page")}">Open data: grants (360Giving)' in home
    response = client.get(reverse("threesixty-page"))
    page = response.content.decode()
    assert response.status_code == 200
    for name in ("threesixty-json", "threesixty-csv", "threesixty-xlsx"):
        assert reverse(name) in page
    assert "1 grant, last changed on" in page
    assert "Open Government Licence v3.0" in page


@pytest.mark.parametrize("output_format", ["xlsx", "csv"])
def test_the_flattenings_unflatten_to_the_same_grants(client, demo, tmp_path, output_format):
    data = package(client)
    body = client.get(reverse(f"threesixty-{output_format}")).content
    if output_format == "csv":
        (tmp_path / "flat").mkdir()
        (tmp_path / "flat" / "grants.csv").write_bytes(body)
        source = tmp_path / "flat"
    else:
        source = tmp_path / "flat.xlsx"
        source.write_bytes(body)
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(flattening.grant_schema()))
    unflatten(
        str(source),
        input_format=output_format,
        output_name=str(tmp_path / "back.json"),
        root_list_path="grants",
        root_id="",
        schema=str(schema),
        convert_titles=True,
    )
    back = json.loads((tmp_path / "back.json").read_text())
    expected = data["grants"]
    if output_format == "csv":
        # The standard's CSV has one row a grant and no columns for its
        # classifications; the spreadsheet carries them on their own sheet.
        expected = [{k: v for k, v in g.items() if k != "classifications"} for g in expected]
    assert back["grants"] == expected


def test_without_the_schema_the_csv_says_so_and_the_json_still_works(client, demo, settings):
    flattening.grant_schema.cache_clear()
    settings.STANDARDS_DIR = settings.STANDARDS_DIR / "missing"
    try:
        response = client.get(reverse("threesixty-csv"))
        assert response.status_code == 503
        assert "The grants are in the JSON file." in response.content.decode()
        assert len(package(client)["grants"]) == 1
    finally:
        flattening.grant_schema.cache_clear()


def test_the_spreadsheet_keeps_a_grant_with_two_places(client, whole_demo, tmp_path):
    """The CSV has columns for one place only; the spreadsheet keeps every
    place of every grant in the whole demo, on its own sheet."""
    data = package(client)
    source = tmp_path / "flat.xlsx"
    source.write_bytes(client.get(reverse("threesixty-xlsx")).content)
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(flattening.grant_schema()))
    unflatten(
        str(source),
        input_format="xlsx",
        output_name=str(tmp_path / "back.json"),
        root_list_path="grants",
        root_id="",
        schema=str(schema),
        convert_titles=True,
    )
    back = json.loads((tmp_path / "back.json").read_text())
    two_places = [g for g in data["grants"] if len(g.get("beneficiaryLocation", [])) > 1]
    assert two_places
    assert back["grants"] == data["grants"]
