"""No link can send someone off the site after they sign in, sign up or
sign out: every `next` that would leave it is replaced by a page of ours.
The bad addresses are the ones an outside probe found, and their cousins."""

import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.urls import reverse

from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

OFF_SITE = [
    "//evil.example",
    "//evil.example/",
    "https://evil.example/",
    "http://evil.example",
    "/\\evil.example/",
    "\\\\evil.example",
    "///evil.example",
    "https:evil.example",
    "javascript:alert(1)",
]
GOOD = "/grants/rounds/"
DASHBOARD = "/portal/"


def _with_next(url_name: str, next_: str) -> str:
    return f"{reverse(url_name)}?next={quote(next_, safe='')}"


def _sign_up(client, next_: str, email: str = "new.person@example.org"):
    return client.post(
        _with_next("account-signup", next_),
        {
            "email": email,
            "first_name": "New",
            "last_name": "Person",
            "password1": "canal-side-2026",
            "password2": "canal-side-2026",
        },
    )


def _confirmation_path(message) -> str:
    return re.search(r"/accounts/confirm/\S+", message.body).group(0)


def test_the_dashboard_is_where_the_default_lands():
    assert reverse("portal-dashboard") == DASHBOARD


@pytest.mark.parametrize("bad", OFF_SITE)
def test_signing_in_with_an_off_site_next_in_the_link_lands_on_the_dashboard(client, bad):
    person = UserFactory()
    response = client.post(
        _with_next("account-login", bad), {"username": person.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD


@pytest.mark.parametrize("bad", OFF_SITE)
def test_signing_in_with_an_off_site_next_in_the_form_lands_on_the_dashboard(client, bad):
    person = UserFactory()
    response = client.post(
        reverse("account-login"), {"username": person.email, "password": PASSWORD, "next": bad}
    )
    assert response["Location"] == DASHBOARD


def test_signing_in_follows_a_next_on_this_site(client):
    person = UserFactory()
    response = client.post(
        _with_next("account-login", GOOD), {"username": person.email, "password": PASSWORD}
    )
    assert response["Location"] == GOOD


@pytest.mark.parametrize("bad", OFF_SITE)
def test_the_sign_in_page_passes_no_off_site_next_on(client, bad):
    body = client.get(_with_next("account-login", bad)).content.decode()
    assert "evil.example" not in body
    assert "javascript:" not in body


@pytest.mark.parametrize("bad", OFF_SITE)
def test_signing_up_with_an_off_site_next_confirms_onto_the_dashboard(
    client, django_capture_on_commit_callbacks, bad
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, bad)
    (message,) = mail.outbox
    assert "evil.example" not in message.body
    response = client.get(_confirmation_path(message))
    assert response["Location"] == DASHBOARD


def test_signing_up_carries_a_next_on_this_site_through_the_confirmation(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, GOOD)
    response = client.get(_confirmation_path(mail.outbox[0]))
    assert response["Location"] == GOOD


@pytest.mark.parametrize("bad", OFF_SITE)
def test_a_confirmation_link_given_an_off_site_next_lands_on_the_dashboard(
    client, django_capture_on_commit_callbacks, bad
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "")
    path = _confirmation_path(mail.outbox[0])
    response = client.get(f"{path}?next={quote(bad, safe='')}")
    assert response["Location"] == DASHBOARD


@pytest.mark.parametrize("bad", OFF_SITE)
def test_someone_signed_in_opening_sign_up_with_an_off_site_next_lands_on_the_dashboard(
    client, bad
):
    client.force_login(UserFactory())
    response = client.get(_with_next("account-signup", bad))
    assert response["Location"] == DASHBOARD


@pytest.mark.parametrize("bad", OFF_SITE)
def test_signing_out_with_an_off_site_next_stays_on_the_site(client, bad):
    client.force_login(UserFactory())
    response = client.post(reverse("account-logout"), {"next": bad})
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_signing_out_follows_a_next_on_this_site(client):
    client.force_login(UserFactory())
    response = client.post(_with_next("account-logout", GOOD))
    assert response["Location"] == GOOD
