"""The council loads its deprivation measure from a CSV file."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django_fsm_log.models import StateLog

from people import roles
from reports.models import DeprivationArea
from tests.people.factories import UserFactory


@pytest.mark.django_db
def test_a_file_of_areas_is_loaded_and_loaded_again(tmp_path):
    path = tmp_path / "imd.csv"
    path.write_text("code,name,score,decile\ne01000001,Canal North,32.4,2\nE05000002,Heights,41,\n")

    call_command("deprivation_load", str(path))
    path.write_text("code,score\nE01000001,30.1\n")
    call_command("deprivation_load", str(path))

    areas = {a.code: (a.name, a.score, a.decile) for a in DeprivationArea.objects.all()}
    assert areas == {
        "E01000001": ("", Decimal("30.100"), None),
        "E05000002": ("Heights", Decimal("41.000"), None),
    }
    assert StateLog.objects.filter(transition="deprivation_load").count() == 3


@pytest.mark.django_db
def test_a_file_with_a_mistake_says_which_line_and_loads_nothing(tmp_path):
    path = tmp_path / "imd.csv"
    path.write_text("code,score,decile\nE01000001,32.4,2\nE01000002,high,3\n")

    with pytest.raises(CommandError, match="Line 3: the score or decile is not a number"):
        call_command("deprivation_load", str(path))

    assert not DeprivationArea.objects.exists()


def _file(text: str, name: str = "imd.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


UPLOAD = "/reports/deprivation/"


@pytest.mark.django_db
def test_an_officer_loads_the_measure_from_the_page_and_sees_what_is_loaded(client):
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    client.force_login(officer)
    reports = client.get("/reports/").content.decode()
    assert f'href="{UPLOAD}"' in reports
    assert "No scores are loaded yet." in client.get(UPLOAD).content.decode()

    sent = client.post(
        UPLOAD, {"file": _file("code,name,score,decile\ne01000001,Canal North,32.4,2\n")}
    )
    assert sent.status_code == 302
    page = client.get(sent.headers["Location"]).content.decode()
    assert "Loaded deprivation scores for 1 area." in page
    assert "Scores are loaded for 1 area, last on" in page

    client.post(UPLOAD, {"file": _file("code,score\nE01000001,30.1\nE05000002,41\n")})
    areas = {a.code: (a.score, a.decile) for a in DeprivationArea.objects.all()}
    assert areas == {
        "E01000001": (Decimal("30.100"), None),
        "E05000002": (Decimal("41.000"), None),
    }
    loads = StateLog.objects.filter(transition="deprivation_load")
    assert loads.count() == 3 and {log.by for log in loads} == {officer}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"code,score,decile\nE01000001,32.4,2\nE01000002,high,3\n", "Line 3: the score or"),
        (b"code,score,decile\nE01000001,32.4,11\n", "Line 2: give a code, a score and a decile"),
        (b"area,imd\nE01000001,32.4\n", "The file needs a header row with at least code"),
        (b"code,score\n", "The selected file has a header row but no areas"),
        (
            b"code,score\nE01000001,30.1\nE01000002,20\ne01000001,31\n",
            "Line 4: E01000001 is already on line 2. Give each area once.",
        ),
        ("code,score\nE01000001,32,4\n".encode("utf-16"), "saved as UTF-8"),
        (b"", "The selected file is empty"),
    ],
)
def test_a_file_with_a_fault_is_refused_whole_saying_why(client, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR]))
    response = client.post(UPLOAD, {"file": SimpleUploadedFile("imd.csv", content)})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    assert '<a href="#id_file">' in page
    assert not DeprivationArea.objects.exists()


@pytest.mark.django_db
def test_no_file_chosen_asks_for_one(client):
    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))
    response = client.post(UPLOAD, {})
    assert response.status_code == 400
    assert "Select a CSV file" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role",
    [
        roles.COMMISSIONER,
        roles.FINANCE_OFFICER,
        roles.APPLICANT,
        roles.PANEL_MEMBER,
        roles.LINK_WORKER,
    ],
)
def test_only_those_who_keep_the_measure_reach_the_page(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(UPLOAD).status_code == 403
    refused = client.post(UPLOAD, {"file": _file("code,score\nE01000001,30.1\n")})
    assert refused.status_code == 403
    assert not DeprivationArea.objects.exists()
    if role == roles.COMMISSIONER:  # reads the reports, without the link
        assert f'href="{UPLOAD}"' not in client.get("/reports/").content.decode()


@pytest.mark.django_db
def test_nobody_signed_out_reaches_the_page(client):
    response = client.post(UPLOAD, {"file": _file("code,score\nE01000001,30.1\n")})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/sign-in/")
    assert not DeprivationArea.objects.exists()
