"""Two-step sign-in: staff give a code from an authenticator app before any
staff page; everyone else may choose to."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from django_fsm_log.models import StateLog
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from people import roles
from people.services import two_factor as services
from people.views.two_factor import SETUP_KEY
from tests.people.factories import PASSWORD, UserFactory
from tests.people.otp import app_code, app_for

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"
SET_UP = "/accounts/two-factor/set-up/"
CODE = "/accounts/two-factor/code/"
NOON = datetime(2026, 3, 2, 12, 0, 0, tzinfo=UTC)

# Every kind of staff door: the Wagtail admin, the Django admin, and the
# officers' and commissioners' own pages outside the admin.
STAFF_DOORS = [
    "/admin/",
    "/django-admin/",
    "/grants/manage/rounds/1/",
    "/commissioning/manage/",
    "/scoring/calls/1/ranking/",
    "/portal/assets/import/",
    "/portal/",
]


@pytest.fixture(autouse=True)
def clock():
    """Every test at one fixed moment, so the codes its app shows are known."""
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


def signed_in_with_password(person) -> tuple[Client, object]:
    client = Client()
    response = client.post(SIGN_IN, {"username": person.email, "password": PASSWORD})
    return client, response


def officer(**kwargs):
    return UserFactory(roles=[roles.GRANTS_OFFICER], **kwargs)


@pytest.mark.parametrize("door", STAFF_DOORS)
def test_staff_without_an_app_are_sent_to_set_one_up_before_any_staff_page(door):
    client, response = signed_in_with_password(officer())
    assert response.status_code == 302
    assert response["Location"].startswith(SET_UP)

    response = client.get(door)
    assert response.status_code == 302
    assert response["Location"] == f"{SET_UP}?next={door.replace('/', '%2F')}"


@pytest.mark.parametrize(
    "person",
    [
        lambda: UserFactory(roles=[roles.COMMISSIONER]),
        lambda: UserFactory(roles=[roles.ADMINISTRATOR]),
        lambda: UserFactory(is_staff=True),
        lambda: UserFactory(is_staff=True, is_superuser=True),
    ],
    ids=["commissioner", "administrator", "staff status", "superuser"],
)
def test_every_staff_role_must_set_up_an_app(person):
    client, _ = signed_in_with_password(person())
    assert client.get("/admin/")["Location"].startswith(SET_UP)


def test_setting_up_an_app_shows_recovery_codes_once_and_opens_the_admin():
    person = officer()
    client, _ = signed_in_with_password(person)
    page = client.get(f"{SET_UP}?next=/admin/")
    body = page.content.decode()
    assert "<svg" in body  # the QR code, drawn in the page itself
    key = client.session[SETUP_KEY]
    code = f"{TOTP(bytes.fromhex(key)).token():06d}"
    response = client.post(SET_UP, {"code": code, "next": "/admin/"})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = list(StaticToken.objects.filter(device__user=person).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in codes_page.content.decode() for code in codes)
    # Shown once: back on the page, the codes are gone.
    assert client.get(response["Location"])["Location"] == "/accounts/two-factor/"
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=person).confirmed
    assert StateLog.objects.filter(
        object_id=person.pk, transition=services.DEVICE_ADD, by=person
    ).exists()


def test_a_wrong_first_code_sets_nothing_up():
    person = officer()
    client, _ = signed_in_with_password(person)
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": "000000"})
    assert "That code is not the one your app shows" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert client.get("/admin/")["Location"].startswith(SET_UP)


@pytest.mark.parametrize("door", STAFF_DOORS)
def test_with_an_app_the_password_alone_opens_no_staff_page(door):
    person = officer()
    app_for(person)
    client, response = signed_in_with_password(person)
    assert response["Location"].startswith(CODE)
    response = client.get(door)
    assert response.status_code == 302
    assert response["Location"].startswith(CODE)


def test_nor_can_the_password_alone_set_up_another_app():
    person = officer()
    app_for(person)
    client, _ = signed_in_with_password(person)
    assert client.get(SET_UP)["Location"].startswith(CODE)


def test_the_right_code_opens_the_staff_pages():
    person = officer()
    device = app_for(person)
    client, _ = signed_in_with_password(person)
    response = client.post(f"{CODE}?next=/admin/", {"code": app_code(device, at=NOON.timestamp())})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/commissioning/manage/").status_code in {200, 403}


def test_a_wrong_code_is_refused_and_wrong_codes_are_throttled(clock):
    person = officer()
    device = app_for(person)
    client, _ = signed_in_with_password(person)
    right = app_code(device, at=NOON.timestamp())
    wrong = "999999" if right != "999999" else "111111"
    first = client.post(CODE, {"code": wrong})
    assert "That code is not right" in first.content.decode()
    client.post(CODE, {"code": wrong})
    # After two wrong codes the next is not even checked for 2 seconds.
    third = client.post(CODE, {"code": right})
    assert "Too many wrong codes" in third.content.decode()
    assert client.get("/admin/")["Location"].startswith(CODE)
    clock.shift(3)
    assert client.post(CODE, {"code": right})["Location"] == "/portal/"


def test_a_recovery_code_opens_the_staff_pages_once_and_is_audited():
    person = officer()
    app_for(person)
    code = services.recovery_codes_renew(person=person)[0]
    client, _ = signed_in_with_password(person)
    assert client.post(CODE, {"code": code.upper()})["Location"] == "/portal/"
    assert client.get("/admin/").status_code == 200
    assert StateLog.objects.filter(
        object_id=person.pk, transition=services.RECOVERY_CODE_USE
    ).exists()

    again, _ = signed_in_with_password(person)
    response = again.post(CODE, {"code": code})
    assert "That code is not right" in response.content.decode()
    assert again.get("/admin/")["Location"].startswith(CODE)


def test_applicants_are_not_asked_for_a_code():
    applicant = UserFactory(roles=[roles.APPLICANT])
    client, response = signed_in_with_password(applicant)
    assert response["Location"] == "/portal/"
    assert client.get("/portal/").status_code == 200


def test_an_applicant_who_turned_it_on_is_asked_for_a_code():
    applicant = UserFactory(roles=[roles.APPLICANT])
    device = app_for(applicant)
    client, response = signed_in_with_password(applicant)
    assert response["Location"].startswith(CODE)
    assert client.get("/portal/")["Location"].startswith(CODE)
    client.post(CODE, {"code": app_code(device, at=NOON.timestamp())})
    assert client.get("/portal/").status_code == 200


def test_turning_it_off_is_audited_and_staff_must_set_up_again():
    person = officer()
    client = Client()
    client.force_login(person)  # with the suite's app and code
    assert client.get("/accounts/two-factor/").status_code == 200
    response = client.post("/accounts/two-factor/turn-off/")
    assert response["Location"] == SET_UP
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert StateLog.objects.filter(
        object_id=person.pk, transition=services.DEVICE_REMOVE, by=person
    ).exists()
    assert client.get("/admin/")["Location"].startswith(SET_UP)


def test_the_suites_sign_in_gives_staff_their_code():
    client = Client()
    client.force_login(officer())
    assert client.get("/admin/").status_code == 200


def reset_url(person) -> str:
    return f"/admin/people/{person.pk}/two-factor-reset/"


def test_an_administrator_removes_a_lost_app_and_it_is_audited():
    administrator = UserFactory(roles=[roles.ADMINISTRATOR])
    person = officer()
    app_for(person)
    client = Client()
    client.force_login(administrator)
    assert "Yes, remove their app" in client.get(reset_url(person)).content.decode()
    response = client.post(reset_url(person))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert StateLog.objects.filter(
        object_id=person.pk, transition=services.DEVICE_REMOVE, by=administrator
    ).exists()
    # Their next sign-in sets up a new app.
    _, response = signed_in_with_password(person)
    assert response["Location"].startswith(SET_UP)


@pytest.mark.parametrize(
    ("actor", "target"),
    [
        (lambda: UserFactory(roles=[roles.COMMISSIONER]), officer),
        (lambda: UserFactory(roles=[roles.GRANTS_OFFICER]), officer),
        (
            lambda: UserFactory(roles=[roles.ADMINISTRATOR]),
            lambda: UserFactory(is_staff=True, is_superuser=True),
        ),
    ],
    ids=["commissioner", "grants officer", "administrator on a superuser"],
)
def test_no_one_else_removes_someone_elses_app(actor, target):
    person = target()
    app_for(person)
    client = Client()
    client.force_login(actor())
    assert client.get(reset_url(person)).status_code in {302, 403}
    assert client.post(reset_url(person)).status_code in {302, 403}
    assert TOTPDevice.objects.filter(user=person).exists()


def test_apps_cannot_be_changed_unaudited_in_the_django_admin():
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/django-admin/").status_code == 200
    assert client.get("/django-admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/django-admin/otp_static/staticdevice/").status_code == 404
