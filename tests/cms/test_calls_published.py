"""Publishing is publishing: a published tender and an opened grant round
are on "Calls for partners", the home page and the sitemap at once, with a
page made from the record, and nobody makes a page by hand. Cancelling
shows at once too."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.models import CallPage
from commissioning.services.tenders import tender_cancel, tender_publish
from people import roles
from tests.cms.conftest import publish
from tests.commissioning.conftest import tender_approved, tender_make
from tests.grants.factories import RoundFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commissioner(db):
    return UserFactory(roles=[roles.COMMISSIONER])


@pytest.fixture
def published_tender(commissioner):
    tender = tender_make(commissioner)
    tender_approved(tender, commissioner)
    return tender_publish(tender=tender, actor=commissioner)


@pytest.fixture
def opened_round(db):
    now = timezone.now()
    return RoundFactory(
        title="Lunch clubs for everyone",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )


def test_a_published_tender_and_an_opened_round_are_on_every_public_list(
    client, calls_index, published_tender, opened_round
):
    assert not CallPage.objects.exists()

    calls = client.get("/calls/").content.decode()
    assert "Home support in Northgate</a>" in calls
    assert "Lunch clubs for everyone</a>" in calls
    assert "2 calls" in calls

    home = client.get("/").content.decode()
    assert "Calls closing next" in home
    assert "Home support in Northgate</a>" in home
    assert "Lunch clubs for everyone</a>" in home

    sitemap = client.get("/sitemap.xml").content.decode()
    tender_url = f"/calls/tenders/{published_tender.pk}/"
    round_url = f"/calls/rounds/{opened_round.pk}/"
    assert f"{tender_url}</loc>" in sitemap
    assert f"{round_url}</loc>" in sitemap

    # Each has its page, made from the record: its facts and the way in.
    tender_page = client.get(tender_url)
    assert tender_page.status_code == 200
    html = tender_page.content.decode()
    assert '<h1 class="govuk-heading-xl">Home support in Northgate</h1>' in html
    assert "Estimated contract value £900,000" in html
    assert f'href="/commissioning/tenders/{published_tender.pk}/">Register interest and bid' in html
    round_page = client.get(round_url).content.decode()
    assert '<h1 class="govuk-heading-xl">Lunch clubs for everyone</h1>' in round_page
    assert f'href="/grants/rounds/{opened_round.pk}/apply/">Start your application' in round_page


def test_nothing_unpublished_is_listed(client, calls_index, commissioner):
    draft = tender_make(commissioner)
    later = RoundFactory(
        title="Opens next month",
        opens_at=timezone.now() + timedelta(days=30),
        closes_at=timezone.now() + timedelta(days=60),
    )
    everything = client.get("/calls/?status=all").content.decode()
    assert "0 calls" in everything
    assert client.get(f"/calls/tenders/{draft.pk}/").status_code == 404
    assert client.get(f"/calls/rounds/{later.pk}/").status_code == 404
    assert f"/calls/tenders/{draft.pk}/" not in client.get("/sitemap.xml").content.decode()


def test_a_cancelled_tender_shows_as_cancelled(client, calls_index, published_tender, commissioner):
    tender_cancel(tender=published_tender, actor=commissioner, reason="The service moves in-house.")

    assert "Home support in Northgate" not in client.get("/calls/").content.decode()
    assert "Home support in Northgate" not in client.get("/").content.decode()
    closed = client.get("/calls/?status=closed").content.decode()
    assert "Home support in Northgate</a>" in closed
    assert "Cancelled</strong>" in closed

    html = client.get(f"/calls/tenders/{published_tender.pk}/").content.decode()
    assert "This call was cancelled: The service moves in-house." in html
    assert "Register interest and bid" not in html


def test_an_editors_page_tells_the_call_in_place_of_the_generated_one(
    client, calls_index, published_tender
):
    page = publish(
        calls_index,
        CallPage(title="Care at home, near friends", slug="care-at-home", tender=published_tender),
    )
    calls = client.get("/calls/").content.decode()
    assert "Care at home, near friends</a>" in calls
    assert "1 call" in calls
    response = client.get(f"/calls/tenders/{published_tender.pk}/")
    assert response.status_code == 302 and response.url == page.url


def test_a_draft_editors_page_does_not_hide_the_call(client, calls_index, published_tender):
    draft = CallPage(title="Still writing", slug="still-writing", tender=published_tender)
    calls_index.add_child(instance=draft)
    draft.unpublish()
    calls = client.get("/calls/").content.decode()
    assert "Home support in Northgate</a>" in calls
    assert "Still writing" not in calls
    assert client.get(f"/calls/tenders/{published_tender.pk}/").status_code == 200
