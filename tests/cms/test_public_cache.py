"""Public pages come from the shared cache for visitors not signed in, and
leave it as soon as what they show changes: a page published, a round or
tender opening, closing or awarded (a deadline passing with nobody acting
included), an asset edited or imported. Signed-in and staff pages never
come from it."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from assets.models import Asset, AssetKind
from assets.services.imports import asset_import, file_fingerprint
from cms.models import AwardsPage, CallPage, HomePage
from commissioning.services.tenders import tender_cancel, tender_publish, tenders_close_due
from grants.models import Application
from people import roles
from tests.cms.conftest import publish
from tests.commissioning.conftest import tender_approved, tender_make
from tests.grants.factories import RoundFactory
from tests.organisations.factories import OrganisationFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

# 10am on Wednesday 3 March 2027 (GMT): the clock every test starts from.
MORNING = datetime(2027, 3, 3, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def public_cache(settings):
    settings.PUBLIC_PAGE_CACHE = {**settings.PUBLIC_PAGE_CACHE, "ENABLED": True, "SECONDS": 86400}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock():
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as a real request's commit would."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


def visit(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response


def text(response) -> str:
    return response.content.decode()


def round_page(committed, calls_index, *, opens_at, closes_at, title="Lunch clubs"):
    round_ = committed(RoundFactory, title=title, opens_at=opens_at, closes_at=closes_at)
    page = CallPage(title=title, slug=round_.slug, round=round_)
    return committed(publish, calls_index, page)


def test_the_second_visit_comes_from_the_cache_with_cache_control_and_an_etag(client, home):
    first = visit(client, home.url)
    second = visit(client, home.url)

    assert first["X-Public-Cache"] == "miss" and second["X-Public-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60"
    assert second["ETag"] == first["ETag"]
    assert "Cookie" in second["Vary"]
    assert second["X-Frame-Options"] == first["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in second
    again = client.get(home.url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""


def test_public_pages_are_gzipped_and_a_page_with_a_csrf_token_is_not(client, home):
    page = visit(client, home.url, **{"Accept-Encoding": "gzip, deflate"})
    assert page["Content-Encoding"] == "gzip"
    plain = visit(client, home.url)
    assert "Content-Encoding" not in plain
    assert "</html>" in text(plain)

    sign_in = visit(client, reverse("account-login"), **{"Accept-Encoding": "gzip"})
    assert "csrfmiddlewaretoken" in text(sign_in)
    assert "Content-Encoding" not in sign_in
    assert "X-Public-Cache" not in sign_in


def test_a_page_published_shows_at_once(client, home, committed):
    assert "Friday lunch club opens" not in text(visit(client, home.url))
    visit(client, home.url)

    home = HomePage.objects.get()
    home.intro = "Friday lunch club opens in Millfield"
    committed(lambda: home.save_revision().publish())

    assert "Friday lunch club opens in Millfield" in text(visit(client, home.url))


def test_a_round_opens_and_closes_with_nobody_acting(client, calls_index, committed, clock):
    # Opens at noon today, closes at noon on Friday 2 April 2027.
    page = round_page(
        committed,
        calls_index,
        opens_at=datetime(2027, 3, 3, 12, 0, tzinfo=UTC),
        closes_at=datetime(2027, 4, 2, 11, 0, tzinfo=UTC),
    )
    before = text(visit(client, page.url))
    assert "Opening soon" in before and "Start your application" not in before
    assert visit(client, page.url)["X-Public-Cache"] == "hit"

    clock.move_to(datetime(2027, 3, 3, 12, 1, tzinfo=UTC))
    opened = text(visit(client, page.url))
    assert "Start your application" in opened

    clock.move_to(datetime(2027, 4, 2, 11, 1, tzinfo=UTC))
    closed = text(visit(client, page.url))
    assert "This call has closed. You can no longer apply." in closed


def test_a_round_entering_its_last_fortnight_says_closing_soon(
    client, calls_index, committed, clock
):
    page = round_page(
        committed,
        calls_index,
        opens_at=datetime(2027, 3, 1, 9, 0, tzinfo=UTC),
        closes_at=datetime(2027, 3, 20, 12, 0, tzinfo=UTC),
    )
    assert "Closing soon" not in text(visit(client, page.url))
    # Fourteen days before noon on 20 March: noon on 6 March.
    clock.move_to(datetime(2027, 3, 6, 12, 1, tzinfo=UTC))
    assert "Closing soon" in text(visit(client, page.url))


def test_a_round_awarded_shows_on_the_awards_page(client, home, committed):
    awards = committed(publish, home, AwardsPage(title="Grants awarded", slug="awards"))
    round_ = committed(RoundFactory)
    assert "Lunch on Fridays" not in text(visit(client, awards.url))
    assert visit(client, awards.url)["X-Public-Cache"] == "hit"

    committed(
        Application.objects.create,
        round=round_,
        organisation=OrganisationFactory(name="Millfield Lunch Club"),
        created_by=UserFactory(),
        reference="CG-0001",
        project_title="Lunch on Fridays",
        approved_amount=Decimal(6000),
        state="accepted",
    )

    after = text(visit(client, awards.url))
    assert "Lunch on Fridays" in after and "£6,000" in after


def test_a_tender_opens_then_closes_at_its_deadline(client, calls_index, committed, clock):
    commissioner = UserFactory(roles=[roles.COMMISSIONER])
    # Bids due by noon on Monday 5 April 2027 (BST: 11:00 UTC).
    tender = committed(tender_make, commissioner, deadline=datetime(2027, 4, 5, 11, 0, tzinfo=UTC))
    tender = committed(tender_approved, tender, commissioner)
    page = committed(
        publish, calls_index, CallPage(title=tender.title, slug="home-support", tender=tender)
    )
    assert "Register interest and bid" not in text(visit(client, page.url))

    committed(tender_publish, tender=tender, actor=commissioner)
    assert "Register interest and bid" in text(visit(client, page.url))
    assert visit(client, page.url)["X-Public-Cache"] == "hit"

    # Nobody acts: the deadline alone closes the call on the public site…
    clock.move_to(datetime(2027, 4, 5, 11, 1, tzinfo=UTC))
    assert "This call has closed. You can no longer bid." in text(visit(client, page.url))
    # …and beat's closing of it keeps it so.
    assert committed(tenders_close_due) == [tender.pk]
    assert "This call has closed. You can no longer bid." in text(visit(client, page.url))


def test_a_tender_cancelled_says_so_at_once(client, calls_index, committed):
    commissioner = UserFactory(roles=[roles.COMMISSIONER])
    tender = committed(tender_make, commissioner)
    tender = committed(tender_approved, tender, commissioner)
    committed(tender_publish, tender=tender, actor=commissioner)
    page = committed(
        publish, calls_index, CallPage(title=tender.title, slug="home-support", tender=tender)
    )
    visit(client, page.url)

    committed(
        tender_cancel, tender=tender, actor=commissioner, reason="The service moves in-house."
    )

    assert "This call was cancelled: The service moves in-house." in text(visit(client, page.url))


def test_an_asset_edited_shows_at_once_in_the_directory(client, committed):
    hall = committed(Asset.objects.create, kind=AssetKind.BUILDING_OR_LAND, name="St Anne's Hall")
    directory = reverse("asset-directory")
    assert "St Anne&#x27;s Hall" in text(visit(client, directory))
    assert visit(client, directory)["X-Public-Cache"] == "hit"

    hall.name = "St Anne's Community Hall"
    committed(hall.save)

    assert "St Anne&#x27;s Community Hall" in text(visit(client, directory))


def test_assets_imported_show_at_once_on_the_map_and_in_the_directory(client, committed):
    officer = UserFactory(is_superuser=True)
    directory, geojson = reverse("asset-directory"), reverse("assets-geojson")
    assert "Canal Side Allotments" not in text(visit(client, directory))
    visit(client, geojson)
    data = (
        b"name,kind,description,neighbourhood,postcode,latitude,longitude\n"
        b"Canal Side Allotments,building_land,Plots to share,,AV1 2XY,52.48,-1.90\n"
    )

    committed(asset_import, data=data, actor=officer, fingerprint=file_fingerprint(data))

    assert "Canal Side Allotments" in text(visit(client, directory))
    assert "Canal Side Allotments" in text(visit(client, geojson))


def test_a_signed_in_person_never_gets_the_cached_page(client, home):
    visit(client, home.url)
    assert visit(client, home.url)["X-Public-Cache"] == "hit"

    client.force_login(UserFactory(first_name="Sam"))
    mine = visit(client, home.url)

    assert "X-Public-Cache" not in mine
    assert "Sign out" in text(mine)
    assert "private" in mine["Cache-Control"]
    assert "X-Public-Cache" not in visit(client, home.url)


def test_a_staff_page_is_never_stored_nor_served_from_the_cache(client, home):
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    client.force_login(officer)
    dashboard = reverse("portal-dashboard")
    for _ in range(2):
        staff = client.get(dashboard)
        assert "X-Public-Cache" not in staff
    client.logout()
    # Signed out, the same address asks for a sign-in rather than showing
    # anything kept from the officer's visit.
    signed_out = client.get(dashboard)
    assert signed_out.status_code == 302
    assert "X-Public-Cache" not in signed_out
