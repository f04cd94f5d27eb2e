"""What's on: the holder adds events in the portal; they show on the asset
and neighbourhood pages and in iCalendar feeds, at the right UK times."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from assets.models import Asset, AssetEvent, AssetKind
from neighbourhoods.models import Neighbourhood
from people import roles
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime(2027, 3, 1, 10, 0, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def garden():
    old_town = Neighbourhood.objects.create(name="Old Town", slug="old-town")
    asset = Asset.objects.create(
        kind=AssetKind.GREEN_SPACE,
        name="Chapel garden",
        address="Chapel Lane",
        postcode="AV1 3CG",
        volunteering="Help us weed on Saturday mornings: just turn up.",
    )
    asset.neighbourhoods.add(old_town)
    return asset


@pytest.fixture
def holder(garden):
    membership = MembershipFactory()
    garden.organisation = membership.organisation
    garden.save()
    return membership.user


def _add(client, garden, **fields):
    data = {
        "title": "Summer work party",
        "date_day": "6",
        "date_month": "7",
        "date_year": "2027",
        "starts": "7pm",
        "ends": "8:30pm",
        "place": "",
        "cost": "Free",
        "booking_link": "",
        "description": "",
    } | fields
    return client.post(reverse("asset-event-add", args=[garden.pk]), data)


def test_the_holder_adds_an_event_and_it_shows_on_the_asset_page(client, garden, holder):
    client.force_login(holder)
    page = client.get(reverse("asset-detail", args=[garden.pk])).content.decode()
    assert "Add or change What’s on events" in page
    response = _add(client, garden, booking_link="garden.example/book")
    assert response.url == reverse("asset-events", args=[garden.pk])

    page = Client().get(reverse("asset-detail", args=[garden.pk])).content.decode()
    assert "Summer work party" in page
    assert "Tuesday 6 July 2027, 7:00pm to 8:30pm" in page
    assert "Chapel garden, Chapel Lane, AV1 3CG" in page  # no place given: the asset's address
    assert "https://garden.example/book" in page
    assert "Help us weed on Saturday mornings: just turn up." in page
    neighbourhood = Client().get(reverse("neighbourhood-detail", args=["old-town"]))
    assert "Summer work party" in neighbourhood.content.decode()


def test_the_feed_gives_uk_times_in_summer_and_winter(client, garden, holder):
    client.force_login(holder)
    _add(client, garden)  # 7pm on 6 July 2027: British Summer Time
    _add(client, garden, title="Carols", date_day="7", date_month="12", starts="19:00", ends="")
    feed = Client().get(reverse("asset-events-ical", args=[garden.pk]))
    assert feed["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(feed.content)
    events = {e["summary"]: e for e in calendar.walk("VEVENT")}
    summer, winter = events["Summer work party"], events["Carols"]
    assert summer.decoded("dtstart").astimezone(UTC) == datetime(2027, 7, 6, 18, 0, tzinfo=UTC)
    assert summer.decoded("dtend").astimezone(UTC) == datetime(2027, 7, 6, 19, 30, tzinfo=UTC)
    assert winter.decoded("dtstart").astimezone(UTC) == datetime(2027, 12, 7, 19, 0, tzinfo=UTC)
    assert "dtend" not in winter
    assert summer["dtstart"].params["TZID"] == "Europe/London"
    assert summer.decoded("dtstamp") == datetime(2027, 3, 1, 10, 0, tzinfo=UTC)
    assert str(summer["location"]) == "Chapel garden, Chapel Lane, AV1 3CG"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_an_events_uid_stays_the_same_when_it_is_changed(client, garden, holder):
    client.force_login(holder)
    _add(client, garden)
    event = AssetEvent.objects.get()
    before = Calendar.from_ical(client.get(reverse("asset-events-ical", args=[garden.pk])).content)
    client.post(
        reverse("asset-event-edit", args=[garden.pk, event.pk]),
        {
            "title": "Summer work party (moved)",
            "date_day": "13",
            "date_month": "7",
            "date_year": "2027",
            "starts": "6pm",
        },
    )
    after = Calendar.from_ical(client.get(reverse("asset-events-ical", args=[garden.pk])).content)
    (old,), (new,) = before.walk("VEVENT"), after.walk("VEVENT")
    assert str(new["uid"]) == str(old["uid"])
    assert str(new["summary"]) == "Summer work party (moved)"
    assert new.decoded("dtstart").astimezone(UTC) == datetime(2027, 7, 13, 17, 0, tzinfo=UTC)


def test_the_neighbourhood_feed_holds_its_assets_events_only(garden):
    elsewhere = Asset.objects.create(kind=AssetKind.SERVICE, name="Heights café")
    for asset, title in ((garden, "Seed swap"), (elsewhere, "Heights quiz")):
        AssetEvent.objects.create(asset=asset, title=title, date=date(2027, 4, 3), starts=time(10))
    AssetEvent.objects.create(
        asset=garden, title="Last year", date=date(2026, 4, 3), starts=time(10)
    )
    feed = Client().get(reverse("neighbourhood-events-ical", args=["old-town"]))
    titles = [str(e["summary"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert titles == ["Seed swap"]


def test_an_end_before_the_start_is_explained(client, garden, holder):
    client.force_login(holder)
    response = _add(client, garden, starts="8pm", ends="7pm")
    assert response.status_code == 400
    assert "The end time must be after the start time" in response.content.decode()
    assert "Summer work party" in response.content.decode()  # what was typed is kept
    assert not AssetEvent.objects.exists()


def test_only_the_holder_or_an_officer_adds_events(client, garden, holder):
    client.force_login(UserFactory())
    assert client.get(reverse("asset-events", args=[garden.pk])).status_code == 403
    assert _add(client, garden).status_code == 403
    officer = Client()
    officer.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))
    assert _add(officer, garden).status_code == 302
    event = AssetEvent.objects.get()
    client.force_login(UserFactory())
    remove = reverse("asset-event-remove", args=[garden.pk, event.pk])
    assert client.post(remove).status_code == 403
    client.force_login(holder)
    client.post(remove)
    assert not AssetEvent.objects.exists()


def test_officers_keep_events_in_the_admin(garden):
    AssetEvent.objects.create(
        asset=garden, title="Seed swap", date=date(2027, 4, 3), starts=time(10)
    )
    officer = Client()
    officer.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))
    listing = officer.get(reverse("assetevent:index"))
    assert listing.status_code == 200
    assert "Seed swap" in listing.content.decode()
    applicant = Client()
    applicant.force_login(UserFactory(roles=[roles.APPLICANT]))
    assert applicant.get(reverse("assetevent:index")).status_code == 302
