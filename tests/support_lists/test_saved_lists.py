"""A person's saved list of support: no account, a private link nobody can
guess, opened signed out, shared by e-mail, printed and deleted."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from assets.models import Asset, AssetKind
from foundation.models import OutgoingEmail
from support_lists.models import SupportList

pytestmark = pytest.mark.django_db


@pytest.fixture
def lunch_club():
    return Asset.objects.create(
        kind=AssetKind.SERVICE,
        name="Old Town lunch club",
        address="Chapel Hall\nMarket Street",
        postcode="AV1 1LC",
        availability="Tuesdays and Thursdays, 12 to 2pm",
        cost="low",
        cost_details="£3 a meal",
        accepts_personal_budgets=True,
    )


@pytest.fixture
def befriending():
    return Asset.objects.create(kind=AssetKind.SERVICE, name="Northgate befriending")


def _save(client, asset) -> str:
    """Press "Add to my list" on the asset's page; the private link's path."""
    response = client.post(reverse("support_lists:add", args=[asset.pk]))
    assert response.status_code == 302
    assert response.url.startswith("/lists/")
    return response.url


def test_saving_from_an_asset_page_makes_a_private_link_that_opens_signed_out(
    client, lunch_club, befriending
):
    link = _save(client, lunch_club)
    # The same browser adds the next one to the same list.
    assert _save(client, befriending) == link

    stranger = Client()  # another device, nobody signed in
    page = stranger.get(link)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Old Town lunch club" in body
    assert "Northgate befriending" in body
    assert "Chapel Hall" in body
    assert "Tuesdays and Thursdays, 12 to 2pm" in body
    assert "Accepts personal budgets and direct payments" in body
    # The link never leaks to the sites the list links to, nor to a cache.
    assert page["Referrer-Policy"] == "same-origin"
    assert "no-store" in page["Cache-Control"]


def test_the_link_cannot_be_guessed(client, lunch_club):
    tokens = set()
    for _ in range(20):
        token = _save(Client(), lunch_club).strip("/").split("/")[1]
        # 32 random bytes from the system's secure source: 43 URL-safe characters.
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)
        tokens.add(token)
    assert len(tokens) == 20
    # Only a hash is stored: the database alone opens no list.
    stored = set(SupportList.objects.values_list("token_hash", flat=True))
    assert not tokens & stored
    assert all(len(value) == 64 for value in stored)


def test_a_wrong_or_altered_link_opens_nothing(client, lunch_club):
    token = _save(client, lunch_club).strip("/").split("/")[1]
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for wrong in (altered, "x" * 43, token[:20], "1"):
        page = Client().get(f"/lists/{wrong}/")
        assert page.status_code == 404
        assert "We cannot find this list" in page.content.decode()
        assert "Old Town lunch club" not in page.content.decode()


def test_a_deleted_list_says_so_and_shows_nothing(client, lunch_club):
    link = _save(client, lunch_club)
    confirm = client.get(link + "delete/")
    assert "Are you sure you want to delete this list?" in confirm.content.decode()
    done = client.post(link + "delete/")
    assert "List deleted" in done.content.decode()

    page = Client().get(link)
    assert page.status_code == 410
    assert "This list was deleted" in page.content.decode()
    assert "Old Town lunch club" not in page.content.decode()
    assert Client().get(link + "print/").status_code == 410
    # The next "Add to my list" in that browser starts a new list.
    assert _save(client, lunch_club) != link


def test_remove_takes_an_entry_off(client, lunch_club, befriending):
    link = _save(client, lunch_club)
    _save(client, befriending)
    client.get(link)  # the page that says it was added
    item = SupportList.objects.get().items.get(asset=befriending)
    body = client.post(f"{link}remove/{item.pk}/", follow=True).content.decode()
    assert "Northgate befriending is off the list." in body
    assert "Old Town lunch club" in body
    assert body.count("Northgate befriending") == 1


def test_sharing_sends_the_link_by_e_mail(client, lunch_club):
    link = _save(client, lunch_club)
    response = client.post(
        link + "share/",
        {"to": "daughter@example.org", "sender": "Joan", "message": "Shall we try Tuesday?"},
    )
    assert response.status_code == 302
    email = OutgoingEmail.objects.get(to="daughter@example.org")
    assert email.subject == "A list of local support shared with you"
    assert "Joan has shared a list of local support with you." in email.body
    assert f"http://testserver{link}" in email.body
    assert "Shall we try Tuesday?" in email.body


def test_a_wrong_address_is_explained_and_nothing_is_sent(client, lunch_club):
    link = _save(client, lunch_club)
    response = client.post(link + "share/", {"to": "not an address", "message": "Hello"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter an e-mail address in the right format" in body
    assert "Hello" in body  # what was typed is kept
    assert not OutgoingEmail.objects.exists()


def test_sharing_is_limited_to_ten_e_mails_a_day(client, lunch_club):
    link = _save(client, lunch_club)
    for n in range(10):
        client.post(link + "share/", {"to": f"friend{n}@example.org"})
    refused = client.post(link + "share/", {"to": "eleventh@example.org"})
    assert refused.status_code == 400
    assert "Copy the link instead" in refused.content.decode()
    assert OutgoingEmail.objects.count() == 10


def test_the_printable_page_holds_the_entries_and_no_forms(client, lunch_club):
    link = _save(client, lunch_club)
    page = client.get(link + "print/")
    body = page.content.decode()
    assert "Old Town lunch club" in body
    assert "£3 a meal" in body
    assert "support_lists/print.css" in body
    assert "Send the list" not in body


def test_a_lost_asset_cannot_be_saved(client, lunch_club):
    lunch_club.status = "lost"
    lunch_club.save()
    assert client.post(reverse("support_lists:add", args=[lunch_club.pk])).status_code == 404
