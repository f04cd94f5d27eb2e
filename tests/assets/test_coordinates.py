"""Coordinates inside the UK, swapped pairs named, "NaN" refused, and an
import that applies exactly the file whose preview the officer confirmed."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assets.models import Asset, AssetKind
from foundation.validators import boundary_contains, coordinates_problems
from people import roles
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
HEADER = "name,kind,description,neighbourhood,postcode,latitude,longitude\n"
URL = "/portal/assets/import/"
# A square around Canal Side: longitude -1.95 to -1.85, latitude 52.45 to 52.50.
CANAL_SIDE = {
    "type": "Polygon",
    "coordinates": [
        [[-1.95, 52.45], [-1.85, 52.45], [-1.85, 52.50], [-1.95, 52.50], [-1.95, 52.45]]
    ],
}


@pytest.mark.parametrize(
    ("latitude", "longitude", "problem"),
    [
        ("52.48", "-1.90", None),
        ("60.15", "-1.15", None),  # Lerwick, Shetland
        ("54.60", "-5.93", None),  # Belfast
        ("49.91", "-6.31", None),  # St Mary's, Isles of Scilly
        ("-1.90", "52.48", "look swapped"),
        ("NaN", "-1.90", "latitude “NaN” is not a number"),
        ("52.48", "Infinity", "longitude “Infinity” is not a number"),
        ("2.04", "45.34", "is outside the UK"),  # Mogadishu
        ("95", "-1", "is outside the UK"),
        ("52.48", "", "give both the latitude and the longitude"),
    ],
)
def test_a_place_must_be_in_the_uk(latitude, longitude, problem):
    problems, _, _ = coordinates_problems(latitude, longitude)
    if problem is None:
        assert problems == []
    else:
        [found] = problems
        assert problem in found


def test_a_boundary_holds_the_points_inside_it():
    assert boundary_contains(CANAL_SIDE, Decimal("52.48"), Decimal("-1.90")) is True
    assert boundary_contains(CANAL_SIDE, Decimal("52.60"), Decimal("-1.90")) is False
    assert boundary_contains(None, Decimal("52.60"), Decimal("-1.90")) is None


@pytest.fixture
def officer():
    NeighbourhoodFactory(name="Canal Side", boundary=CANAL_SIDE)
    return UserFactory(roles=[roles.GRANTS_OFFICER])


def upload(client, body: str):
    return client.post(URL, {"file": SimpleUploadedFile("assets.csv", body.encode(), "text/csv")})


def fingerprint_on(page) -> str:
    return re.search(r'name="fingerprint" value="([0-9a-f]{64})"', page.content.decode())[1]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "Lock cottage,building_land,,,,-1.90,52.48",
            "Line 2: latitude “-1.90” and longitude “52.48” look swapped",
        ),
        ("Lock cottage,building_land,,,,NaN,-1.90", "Line 2: latitude “NaN” is not a number"),
        ("Lock cottage,building_land,,,,52.48,inf", "Line 2: longitude “inf” is not a number"),
        ("Lock cottage,building_land,,,,2.04,45.34", "is outside the UK"),
    ],
)
def test_a_bad_coordinate_is_named_on_the_page_and_nothing_is_stored(
    client, officer, line, message
):
    client.force_login(officer)
    response = upload(client, HEADER + line + "\n")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was imported" in page and message in page
    assert not Asset.objects.exists()


def test_a_point_outside_its_neighbourhood_is_a_warning_not_a_refusal(client, officer):
    client.force_login(officer)
    preview = upload(client, HEADER + "Lock cottage,building_land,,Canal Side,,52.60,-1.90\n")
    page = preview.content.decode()
    assert "Line 2: the point 52.60, -1.90 is outside the boundary of Canal Side" in page
    client.post(URL, {"action": "import", "fingerprint": fingerprint_on(preview)})
    assert Asset.objects.get().name == "Lock cottage"


def test_after_a_refused_file_import_brings_in_nothing(client, officer):
    client.force_login(officer)
    first = upload(client, HEADER + "Lock cottage,building_land,,,,52.48,-1.90\n")
    assert "Preview: 1 asset" in first.content.decode()
    refused = upload(client, HEADER + "Towpath,castle,,,,,\n")
    assert refused.status_code == 400
    # The earlier preview's button is pressed again (a second tab, the back button).
    response = client.post(
        URL, {"action": "import", "fingerprint": fingerprint_on(first)}, follow=True
    )
    assert "this is not the file you checked" in response.content.decode()
    assert not Asset.objects.exists()


def test_import_applies_the_file_whose_preview_was_confirmed(client, officer):
    client.force_login(officer)
    first = upload(client, HEADER + "Lock cottage,building_land,,,,52.48,-1.90\n")
    second = upload(client, HEADER + "Towpath gardens,green_space,,,,52.47,-1.91\n")
    response = client.post(
        URL, {"action": "import", "fingerprint": fingerprint_on(first)}, follow=True
    )
    assert "this is not the file you checked" in response.content.decode()
    assert not Asset.objects.exists()
    second = upload(client, HEADER + "Towpath gardens,green_space,,,,52.47,-1.91\n")
    client.post(URL, {"action": "import", "fingerprint": fingerprint_on(second)})
    assert list(Asset.objects.values_list("name", flat=True)) == ["Towpath gardens"]
    # Pressing Import again imports nothing more.
    client.post(URL, {"action": "import", "fingerprint": fingerprint_on(second)})
    assert Asset.objects.count() == 1


def test_an_edit_with_a_swapped_pair_is_refused_in_the_admin(client):
    asset = Asset.objects.create(
        kind=AssetKind.BUILDING_OR_LAND,
        name="Lock cottage",
        latitude=Decimal("52.48"),
        longitude=Decimal("-1.90"),
    )
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        reverse("asset:edit", args=[asset.pk]),
        {
            "kind": asset.kind,
            "name": asset.name,
            "status": asset.status,
            "last_confirmed": asset.last_confirmed.isoformat(),
            "latitude": "-1.90",
            "longitude": "52.48",
            "tags": "",
        },
    )
    assert response.status_code == 200
    assert "look swapped" in response.content.decode()
    asset.refresh_from_db()
    assert (asset.latitude, asset.longitude) == (Decimal("52.48"), Decimal("-1.90"))
