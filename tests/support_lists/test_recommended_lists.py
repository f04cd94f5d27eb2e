"""A link worker's recommended list: started with a first name, built from
asset pages with a note each, given to the person by a private link."""

import pytest
from django.test import Client
from django.urls import reverse

from assets.models import Asset, AssetKind
from people import roles
from support_lists.models import SupportList
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def link_worker():
    return UserFactory(roles=[roles.LINK_WORKER])


@pytest.fixture
def lunch_club():
    return Asset.objects.create(kind=AssetKind.SERVICE, name="Old Town lunch club")


def _start(client, made_for="Sam") -> SupportList:
    response = client.post(reverse("support_lists:recommended-index"), {"made_for": made_for})
    assert response.status_code == 302
    return SupportList.objects.get(made_for=made_for)


def test_a_link_worker_builds_a_list_with_notes_and_gives_its_link(client, link_worker, lunch_club):
    client.force_login(link_worker)
    sam = _start(client)
    asset_page = client.get(reverse("asset-detail", args=[lunch_club.pk])).content.decode()
    assert "Add to a recommended list" in asset_page

    added = client.post(
        reverse("support_lists:recommend", args=[lunch_club.pk]),
        {"support_list": sam.pk, "note": "Ask for Maureen; Tuesday is quieter."},
    )
    assert added.url == reverse("support_lists:recommended", args=[sam.pk])

    made = client.post(reverse("support_lists:recommended-link", args=[sam.pk]))
    link = made.url
    page = Client().get(link)  # Sam, on their own phone, signed out
    body = page.content.decode()
    assert page.status_code == 200
    assert "Support for Sam" in body
    assert "Old Town lunch club" in body
    assert "Ask for Maureen; Tuesday is quieter." in body
    assert "Note from your link worker" in body


def test_making_the_link_again_stops_the_old_one(client, link_worker):
    client.force_login(link_worker)
    sam = _start(client)
    first = client.post(reverse("support_lists:recommended-link", args=[sam.pk])).url
    second = client.post(reverse("support_lists:recommended-link", args=[sam.pk])).url
    assert first != second
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 200


def test_the_person_holding_the_link_cannot_change_a_recommended_list(
    client, link_worker, lunch_club
):
    client.force_login(link_worker)
    sam = _start(client)
    client.post(reverse("support_lists:recommend", args=[lunch_club.pk]), {"support_list": sam.pk})
    link = client.post(reverse("support_lists:recommended-link", args=[sam.pk])).url
    item = sam.items.get()
    anyone = Client()
    anyone.post(f"{link}remove/{item.pk}/")
    assert sam.items.count() == 1
    assert anyone.post(link + "delete/").status_code == 403
    assert SupportList.objects.get(pk=sam.pk).revoked is None


def test_only_link_workers_build_recommended_lists(client, lunch_club):
    client.force_login(UserFactory(roles=[roles.APPLICANT]))
    assert client.get(reverse("support_lists:recommended-index")).status_code == 403
    assert client.get(reverse("support_lists:recommend", args=[lunch_club.pk])).status_code == 403
    page = client.get(reverse("asset-detail", args=[lunch_club.pk])).content.decode()
    assert "Add to a recommended list" not in page
    assert "Add to my list" in page


def test_a_link_worker_sees_only_their_own_lists(client, link_worker, lunch_club):
    client.force_login(link_worker)
    sam = _start(client)
    other = Client()
    other.force_login(UserFactory(roles=[roles.LINK_WORKER]))
    assert other.get(reverse("support_lists:recommended", args=[sam.pk])).status_code == 404
    assert other.post(reverse("support_lists:recommended-link", args=[sam.pk])).status_code == 404
    refused = other.post(
        reverse("support_lists:recommend", args=[lunch_club.pk]), {"support_list": sam.pk}
    )
    assert refused.status_code == 400
    assert "Choose one of your lists" in refused.content.decode()
    assert not sam.items.exists()


def test_a_list_needs_only_a_first_name_or_reference(client, link_worker):
    client.force_login(link_worker)
    refused = client.post(reverse("support_lists:recommended-index"), {"made_for": ""})
    assert refused.status_code == 400
    assert "Enter a first name or a reference" in refused.content.decode()
    index = client.get(reverse("support_lists:recommended-index")).content.decode()
    assert "Do not write anything else about the person here." in index
