"""CSV import of assets: a good file, and bad files refused whole."""

import re

import pytest
from django.core.exceptions import ValidationError

from assets.models import Asset
from assets.services.imports import asset_import, asset_import_plan, file_fingerprint
from people import roles
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
HEADER = "name,kind,description,neighbourhood,postcode,latitude,longitude\n"


def fingerprint_on(page) -> str:
    """The fingerprint the preview page carries into its Import button's form."""
    return re.search(r'name="fingerprint" value="([0-9a-f]{64})"', page.content.decode())[1]


@pytest.fixture
def officer():
    NeighbourhoodFactory(name="Canal Side")
    return UserFactory(roles=[roles.GRANTS_OFFICER])


def test_a_good_file_is_previewed_then_imported(officer):
    data = (
        HEADER + "Lock-keeper's cottage,building_land,Meeting room,Canal Side,av1 2ck,"
        "52.48,-1.90\nTowpath litter pickers,volunteering,,,,,\n"
    ).encode()
    plan = asset_import_plan(data)
    assert plan.ok and len(plan.rows) == 2
    assert plan.rows[0]["postcode"] == "AV1 2CK"
    assert not Asset.objects.exists()  # the preview changes nothing
    created = asset_import(data=data, actor=officer, fingerprint=file_fingerprint(data))
    assert [a.name for a in created] == ["Lock-keeper's cottage", "Towpath litter pickers"]
    assert created[0].neighbourhoods.get().name == "Canal Side"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("name,type\nHall,building_land\n", "The columns must be exactly"),
        (HEADER + "Hall,building_land,,,NOT A CODE,,\n", "Line 2: postcode “NOT A CODE”"),
        (
            HEADER + "Hall,building_land,,,,,\nHall,building_land,,,,,\n",
            "Line 3: the same name as line 2",
        ),
        (HEADER + "Hall,castle,,,,,\n", "Line 2: kind “castle” is not one of"),
        (HEADER + "Hall,building_land,,Atlantis,,,\n", "neighbourhood “Atlantis”"),
        (HEADER + "Hall,building_land,,,,95,-1\n", "latitude “95”"),
    ],
    ids=[
        "wrong columns",
        "bad postcode",
        "duplicate rows",
        "bad kind",
        "unknown place",
        "off the globe",
    ],
)
def test_a_bad_file_is_refused_whole_with_each_problem_by_line(officer, body, message):
    data = (
        body + ("" if body.startswith("name,type") else "Good line,green_space,,,,,\n")
    ).encode()
    with pytest.raises(ValidationError) as error:
        asset_import(data=data, actor=officer, fingerprint=file_fingerprint(data))
    assert any(message in problem for problem in error.value.messages)
    assert not Asset.objects.exists()  # nothing half-imported


def test_only_officers_import(officer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        data = (HEADER + "Hall,building_land,,,,,\n").encode()
        asset_import(
            data=data,
            actor=UserFactory(roles=[roles.APPLICANT]),
            fingerprint=file_fingerprint(data),
        )
    assert not Asset.objects.exists()


def test_the_import_page_previews_then_imports(client, officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(officer)
    bad = client.post(
        "/portal/assets/import/",
        {
            "file": SimpleUploadedFile(
                "assets.csv", (HEADER + "Hall,castle,,,,,\n").encode(), "text/csv"
            )
        },
    )
    assert bad.status_code == 400 and "Nothing was imported" in bad.content.decode()
    good = client.post(
        "/portal/assets/import/",
        {
            "file": SimpleUploadedFile(
                "assets.csv", (HEADER + "Hall,building_land,,Canal Side,,,\n").encode(), "text/csv"
            )
        },
    )
    assert "Preview: 1 asset" in good.content.decode()
    assert not Asset.objects.exists()
    client.post("/portal/assets/import/", {"action": "import", "fingerprint": fingerprint_on(good)})
    assert Asset.objects.get().name == "Hall"
    assert client.get("/portal/assets/import/").status_code == 200
    client.force_login(UserFactory(roles=[roles.APPLICANT]))
    assert client.get("/portal/assets/import/").status_code == 403


WITH_USE = (
    "name,kind,description,neighbourhood,postcode,latitude,longitude,"
    "availability,cost,cost_details,accessibility,contact_name,contact_email,"
    "contact_phone,website,tags\n"
)


def test_the_optional_columns_say_who_can_use_an_asset_and_how(officer):
    data = (
        WITH_USE + 'Lunch club,service,,Canal Side,,,,"Tuesdays, 12 to 2pm",Low cost,£3 a meal,'
        "Hearing loop,Maureen Platt,lunch@example.org,0121 496 0000,lunch.example,"
        '"food; older people, food"\n'
    ).encode()

    [lunch] = asset_import(data=data, actor=officer, fingerprint=file_fingerprint(data))

    assert (lunch.availability, lunch.cost, lunch.cost_details) == (
        "Tuesdays, 12 to 2pm",
        "low",
        "£3 a meal",
    )
    assert (lunch.accessibility, lunch.contact_name, lunch.contact_email) == (
        "Hearing loop",
        "Maureen Platt",
        "lunch@example.org",
    )
    assert (lunch.contact_phone, lunch.website) == ("0121 496 0000", "https://lunch.example")
    assert sorted(lunch.tags.names()) == ["food", "older people"]


def test_some_optional_columns_in_any_order_are_enough(officer):
    data = (
        b"tags,name,kind,description,neighbourhood,postcode,latitude,longitude,cost\n"
        b"walks,Towpath walkers,volunteering,,,,,,free\n"
    )

    plan = asset_import_plan(data)
    [walkers] = asset_import(data=data, actor=officer, fingerprint=file_fingerprint(data))

    assert plan.columns[-2:] == ["cost", "tags"]  # the preview shows what was given
    assert (walkers.cost, list(walkers.tags.names())) == ("free", ["walks"])


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ("cost=cheap", "cost “cheap” is not one of free, low, paid"),
        ("contact_email=lunch-at-example", "contact_email “lunch-at-example” is not an e-mail"),
        ("website=http://no spaces.example", "is not a web address"),
        ("contact_phone=" + "0" * 31, "contact_phone is longer than 30 characters"),
        ("availability=" + "x" * 301, "availability is longer than 300 characters"),
        ("tags=" + "t" * 101, "a tag is longer than 100 characters"),
    ],
    ids=["unknown cost", "bad e-mail", "bad website", "long phone", "long text", "long tag"],
)
def test_a_bad_optional_value_refuses_the_whole_file(officer, cells, message):
    column, value = cells.split("=", 1)
    header = HEADER.strip() + f",{column}\n"
    data = (header + f"Good line,green_space,,,,,,\nHall,building_land,,,,,,{value}\n").encode()

    with pytest.raises(ValidationError) as error:
        asset_import(data=data, actor=officer, fingerprint=file_fingerprint(data))

    assert any(
        problem.startswith("Line 3:") and message in problem for problem in error.value.messages
    )
    assert not Asset.objects.exists()


def test_an_unknown_column_is_named(officer):
    plan = asset_import_plan(
        (HEADER.strip() + ",opening_hours\nHall,building_land,,,,,,x\n").encode()
    )

    assert not plan.ok
    assert "Not recognised: opening_hours." in plan.errors[0]
    assert "and any of: availability, cost" in plan.errors[0]
