"""Signing up opens an account only for whoever can read the address's
e-mail, and answers the same whether or not the address already has one."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from people.models import User
from people.services.signup import person_sign_up
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')
NEW_PASSWORD = "canal-side-2026"


def _sign_up(client, email, *, first_name="Sam", last_name="Lee", password=NEW_PASSWORD):
    return client.post(
        reverse("account-signup"),
        {
            "email": email,
            "first_name": first_name,
            "last_name": last_name,
            "password1": password,
            "password2": password,
        },
        follow=True,
    )


def _answer(response) -> tuple:
    """What the person sees: where they were sent, the status, the page."""
    return (
        response.redirect_chain,
        response.status_code,
        CSRF.sub("", response.content.decode()),
    )


def _confirmation_path(message) -> str:
    return re.search(r"/accounts/confirm/[^/\s]+/[^/\s]+/", message.body).group(0)


def test_a_new_address_gets_an_inactive_account_and_a_link(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _sign_up(client, "Sam@Example.org")
    body = response.content.decode()
    assert "Check your e-mail" in body
    assert "sam@example.org" in body
    assert "_auth_user_id" not in client.session
    person = User.objects.get()
    assert (person.email, person.is_active, person.awaiting_confirmation) == (
        "sam@example.org",
        False,
        True,
    )
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"]
    assert message.subject.startswith("Confirm your e-mail address")
    assert "http://testserver/accounts/confirm/" in message.body


def test_a_known_address_answers_exactly_as_a_new_one_and_tells_its_owner(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        new = _sign_up(Client(), "sam@example.org")
    first = Client()
    assert first.get(_confirmation_path(mail.outbox.pop())).status_code == 302
    person = User.objects.get()
    password_hash = person.password

    with django_capture_on_commit_callbacks(execute=True):
        known = _sign_up(
            Client(),
            "Sam@Example.org",
            first_name="Someone",
            last_name="Else",
            password="x-9z!q-2026-b",
        )

    assert _answer(known) == _answer(new)
    person.refresh_from_db()
    assert User.objects.count() == 1
    assert (person.first_name, person.password, person.is_active) == ("Sam", password_hash, True)
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"]
    assert message.subject.startswith("Someone tried to create an account")
    assert "http://testserver/accounts/sign-in/" in message.body
    assert "http://testserver/accounts/password-reset/" in message.body
    assert "/accounts/confirm/" not in message.body


def test_two_different_addresses_answer_alike_but_for_the_address(
    django_capture_on_commit_callbacks,
):
    UserFactory(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = _sign_up(Client(), "known@example.org")
        new = _sign_up(Client(), "fresh@example.org")
    chain, status, page = _answer(known)
    assert (chain, status, page.replace("known@", "fresh@")) == _answer(new)
    assert not User.objects.get(email="known@example.org").awaiting_confirmation
    assert [m.subject.split()[0] for m in mail.outbox] == ["Someone", "Confirm"]


def test_signing_up_again_before_confirming_sends_the_link_again(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(Client(), "sam@example.org")
        _sign_up(Client(), "sam@example.org", password="another-pass-2026")
    assert User.objects.count() == 1
    assert [m.subject.split()[0] for m in mail.outbox] == ["Confirm", "Confirm"]
    # The account keeps the password it was opened with.
    assert User.objects.get().check_password(NEW_PASSWORD)


def test_the_confirmation_link_activates_the_account_and_signs_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "sam@example.org")
    response = client.get(_confirmation_path(mail.outbox[0]), follow=True)
    person = User.objects.get()
    assert (person.is_active, person.awaiting_confirmation) == (True, False)
    assert client.session["_auth_user_id"] == str(person.pk)
    assert response.redirect_chain[0] == ("/portal/", 302)
    assert "Your account is ready" in response.content.decode()


def test_a_used_link_says_so_and_changes_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "sam@example.org")
    link = _confirmation_path(mail.outbox[0])
    client.get(link)
    client.logout()
    person = User.objects.get()
    before = (person.is_active, person.awaiting_confirmation, person.last_login)

    again = client.get(link)
    assert again.status_code == 200
    assert "This link does not work" in again.content.decode()
    assert "_auth_user_id" not in client.session
    person.refresh_from_db()
    assert (person.is_active, person.awaiting_confirmation, person.last_login) == before


@pytest.mark.parametrize(
    "tamper",
    [
        lambda uid, token: (uid, token[:-2] + "xx"),
        lambda uid, token: ("zzzz", token),
        lambda uid, token: ("MTAwMDAw", token),  # a person who does not exist
    ],
)
def test_a_bad_link_says_so_and_changes_nothing(client, django_capture_on_commit_callbacks, tamper):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "sam@example.org")
    _, _, uid, token, _ = _confirmation_path(mail.outbox[0]).rsplit("/", 4)
    uid, token = tamper(uid, token)
    response = client.get(reverse("account-confirm", args=[uid, token]))
    assert response.status_code == 200
    assert "This link does not work" in response.content.decode()
    person = User.objects.get()
    assert (person.is_active, person.awaiting_confirmation) == (False, True)
    assert "_auth_user_id" not in client.session


def test_a_deactivated_person_cannot_reactivate_themselves_with_a_link(client):
    from people.mail import confirmation_link

    person = UserFactory(is_active=False)
    response = client.get(confirmation_link(person=person).removeprefix("http://testserver"))
    assert "This link does not work" in response.content.decode()
    person.refresh_from_db()
    assert person.is_active is False


def test_an_unconfirmed_account_cannot_sign_in_and_is_told_why(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "sam@example.org")
    response = client.post(
        reverse("account-login"), {"username": "sam@example.org", "password": NEW_PASSWORD}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "You have not confirmed your e-mail address yet" in body
    assert reverse("account-confirm-again") in body


def test_a_wrong_password_on_an_unconfirmed_account_gives_no_hint(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "sam@example.org")
    body = client.post(
        reverse("account-login"), {"username": "sam@example.org", "password": "wrong"}
    ).content.decode()
    assert "not confirmed" not in body
    assert reverse("account-confirm-again") not in body


def test_the_link_can_be_sent_again_and_the_page_tells_nobody_anything(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(Client(), "sam@example.org")
    mail.outbox.clear()
    UserFactory(email="known@example.org")
    answers = {}
    for email in ("sam@example.org", "known@example.org", "nobody@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            response = Client().post(
                reverse("account-confirm-again"), {"email": email}, follow=True
            )
        chain, status, page = _answer(response)
        answers[email] = (chain, status, page.replace(email, "ADDRESS"))
    assert answers["sam@example.org"] == answers["known@example.org"]
    assert answers["sam@example.org"] == answers["nobody@example.org"]
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"]
    assert Client().get(_confirmation_path(message)).status_code == 302


def test_nothing_is_sent_until_the_account_is_saved(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        person_sign_up(
            email="sam@example.org", first_name="Sam", last_name="Lee", password=NEW_PASSWORD
        )
        assert mail.outbox == []
    assert [message.to for message in mail.outbox] == [["sam@example.org"]]


def test_the_demo_and_test_people_are_active():
    from demo.community import DEMO_PASSWORD, PEOPLE, demo_community_load

    demo_community_load()
    for email, *_ in PEOPLE:
        person = User.objects.get(email=email)
        assert (person.is_active, person.awaiting_confirmation) == (True, False)
        assert person.check_password(DEMO_PASSWORD)
    made = UserFactory()
    assert (made.is_active, made.awaiting_confirmation) == (True, False)
    assert made.check_password(PASSWORD)
