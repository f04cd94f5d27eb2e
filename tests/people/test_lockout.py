"""Wrong passwords are throttled per account and per address (issue #22,
point 3), and passwords have at least twelve characters.

Five wrong passwords pause signing in for fifteen minutes, for the account
whichever addresses they came from, and for the address whichever accounts
it tried; the right password is then refused too, with a page that says
why. Administrators see the attempts in the Wagtail admin and can lift a
lock, which is audited.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_fsm_log.models import StateLog

from people import roles
from people.lockouts import sign_in_address
from people.services.lockouts import SIGN_IN_UNLOCK
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"
ADMIN_SIGN_IN = "/admin/login/"
LOCKS = "/admin/sign-in-locks/"
PAUSED = "signing in to this account is paused for 15 minutes"


def sign_in(email, password, *, address="10.0.0.1", url=SIGN_IN):
    """A fresh browser at `address` posting to a sign-in page."""
    client = Client(REMOTE_ADDR=address)
    response = client.post(url, {"username": email, "password": password})
    return client, response


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def paused(response) -> bool:
    return response.status_code == 429 and PAUSED in response.content.decode()


def wrong_guesses(email, count=5, *, addresses=None, url=SIGN_IN):
    addresses = addresses or ["10.0.0.1"] * count
    return [sign_in(email, "not-the-password", address=a, url=url)[1] for a in addresses]


def test_five_wrong_passwords_lock_the_account_from_any_address():
    person = UserFactory()
    answers = wrong_guesses(person.email, addresses=[f"10.0.0.{n}" for n in range(1, 6)])

    assert [a.status_code for a in answers[:4]] == [200] * 4
    assert paused(answers[4])
    # The right password, from an address that guessed nothing, is refused.
    client, response = sign_in(person.email, PASSWORD, address="10.9.9.9")
    assert paused(response)
    assert not signed_in(client)
    body = response.content.decode()
    assert "Too many wrong passwords" in body
    assert reverse("password_reset") in body
    # Changing the case of the address does not start a fresh count.
    client, response = sign_in(person.email.upper(), PASSWORD, address="10.9.9.8")
    assert paused(response)


def test_five_wrong_passwords_from_one_address_lock_the_address():
    people = UserFactory.create_batch(6)
    for person in people[:5]:
        sign_in(person.email, "not-the-password", address="10.0.0.7")

    client, response = sign_in(people[5].email, PASSWORD, address="10.0.0.7")
    assert paused(response)
    assert not signed_in(client)
    # The same account from elsewhere is not locked.
    client, response = sign_in(people[5].email, PASSWORD, address="10.0.0.8")
    assert response.status_code == 302
    assert signed_in(client)


def test_the_right_password_resets_the_count():
    person = UserFactory()
    wrong_guesses(person.email, 4)
    client, _response = sign_in(person.email, PASSWORD)
    assert signed_in(client)
    assert not AccessAttempt.objects.filter(username=person.email).exists()

    answers = wrong_guesses(person.email, 4)
    assert [a.status_code for a in answers] == [200] * 4


def test_signing_in_to_ones_own_account_does_not_clear_guesses_at_another():
    victim, attacker = UserFactory.create_batch(2)
    wrong_guesses(victim.email, 4, addresses=["10.0.0.1", "10.0.0.2"] * 2)
    own, _response = sign_in(attacker.email, PASSWORD, address="10.0.0.1")
    assert signed_in(own)

    answers = wrong_guesses(victim.email, 1, addresses=["10.0.0.1"])
    assert paused(answers[0])


def test_the_pause_lifts_after_the_cool_off():
    person = UserFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        wrong_guesses(person.email)
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        client, response = sign_in(person.email, PASSWORD, address="10.0.0.2")
        assert paused(response)
    with time_machine.travel(start + timedelta(minutes=15, seconds=1), tick=False):
        client, response = sign_in(person.email, PASSWORD, address="10.0.0.2")
        assert response.status_code == 302
        assert signed_in(client)


def test_the_wagtail_admin_takes_no_password_of_its_own():
    # Its sign-in page sends people to the site's, which is throttled (and
    # asks staff for their code), so no password is ever checked there.
    officer = UserFactory(roles=[roles.ADMINISTRATOR])
    client, response = sign_in(officer.email, PASSWORD, url=f"{ADMIN_SIGN_IN}?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{SIGN_IN}?next=/admin/"
    assert not signed_in(client)


def test_a_new_password_from_the_reset_link_lifts_the_account_lock(
    django_capture_on_commit_callbacks,
):
    person = _locked_account()
    client = Client(REMOTE_ADDR="10.9.9.9")
    # The link is sent from the outbox once the request has committed.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": person.email})
    link = re.search(r"/accounts/password-reset/\S+/\S+/", mail.outbox[0].body).group(0)
    form = client.get(link, follow=True)
    new = "a-brand-new-long-password"
    client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})

    assert not AccessAttempt.objects.filter(username=person.email).exists()
    entry = StateLog.objects.get(transition=SIGN_IN_UNLOCK)
    assert (entry.by, entry.content_object) == (person, person)
    browser, _response = sign_in(person.email, new, address="10.0.0.1")
    assert signed_in(browser)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "address"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy: the header is anyone's to write
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the left entry was the client's
        (2, "198.51.100.1, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.1"),  # too short to have passed both proxies
        (1, "not-an-address", "10.0.0.1"),
    ],
)
def test_the_address_comes_from_x_forwarded_for_only_behind_proxies(
    settings, proxies, forwarded, address
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().post(SIGN_IN, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert sign_in_address(request) == address


def test_the_test_clients_login_still_works():
    person = UserFactory()
    client = Client()
    assert client.login(username=person.email, password=PASSWORD)
    assert not Client().login(username=person.email, password="not-the-password")


def _locked_account():
    person = UserFactory()
    wrong_guesses(person.email, addresses=[f"10.0.0.{n}" for n in range(1, 6)])
    return person


def test_an_administrator_sees_the_attempts_and_can_unlock_the_account():
    person = _locked_account()
    administrator = UserFactory(roles=[roles.ADMINISTRATOR])
    client = Client()
    client.force_login(administrator)

    listing = client.get(LOCKS)
    assert listing.status_code == 200
    body = listing.content.decode()
    assert person.email in body
    assert "10.0.0.5" in body

    attempt = AccessAttempt.objects.filter(username=person.email).first()
    unlock = f"{LOCKS}unlock/{attempt.pk}/account/"
    assert unlock in body
    inspect = client.get(f"{LOCKS}inspect/{attempt.pk}/")
    assert inspect.status_code == 200
    assert "Unlock the address" in inspect.content.decode()
    confirm = client.get(unlock)
    assert confirm.status_code == 200
    assert "Yes, unlock" in confirm.content.decode()
    response = client.post(unlock)
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=person.email).exists()
    entry = StateLog.objects.get(transition=SIGN_IN_UNLOCK)
    assert entry.by == administrator
    assert person.email in entry.description
    assert "5 attempts cleared" in entry.description

    browser, response = sign_in(person.email, PASSWORD, address="10.0.0.1")
    assert signed_in(browser)


def test_unlocking_an_address_leaves_the_accounts_it_did_not_name():
    people = UserFactory.create_batch(5)
    for person in people:
        sign_in(person.email, "not-the-password", address="10.0.0.7")
    elsewhere = sign_in(people[0].email, "not-the-password", address="10.0.0.8")[1]
    assert elsewhere.status_code == 200
    administrator = UserFactory(roles=[roles.ADMINISTRATOR])
    client = Client()
    client.force_login(administrator)

    attempt = AccessAttempt.objects.filter(ip_address="10.0.0.7").first()
    client.post(f"{LOCKS}unlock/{attempt.pk}/address/")

    assert not AccessAttempt.objects.filter(ip_address="10.0.0.7").exists()
    assert AccessAttempt.objects.filter(ip_address="10.0.0.8").exists()
    assert "10.0.0.7" in StateLog.objects.get(transition=SIGN_IN_UNLOCK).description
    browser, _response = sign_in(people[1].email, PASSWORD, address="10.0.0.7")
    assert signed_in(browser)


@pytest.mark.parametrize("role", [roles.COMMISSIONER, roles.GRANTS_OFFICER, roles.APPLICANT])
def test_only_administrators_see_or_lift_the_locks(role):
    _locked_account()
    attempt = AccessAttempt.objects.first()
    client = Client()
    client.force_login(UserFactory(roles=[role]))

    for url in (LOCKS, f"{LOCKS}inspect/{attempt.pk}/", f"{LOCKS}unlock/{attempt.pk}/account/"):
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        if response.status_code == 302:
            assert response.url.split("?")[0] in {"/admin/", "/accounts/sign-in/"}
    client.post(f"{LOCKS}unlock/{attempt.pk}/account/")
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert not StateLog.objects.filter(transition=SIGN_IN_UNLOCK).exists()


def test_a_password_of_eleven_characters_is_refused_at_sign_up():
    response = Client().post(
        reverse("account-signup"),
        {
            "email": "sam@example.org",
            "first_name": "Sam",
            "last_name": "Lee",
            "password1": "canal-side1",
            "password2": "canal-side1",
        },
    )
    assert response.status_code == 200
    assert "This password is too short. It must contain at least 12 characters." in (
        response.content.decode()
    )
