"""Calls for partners on the public site: live facts, states and filters."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from cms.models import CallPage
from commissioning.models import Clarification, TenderDocument
from grants.models import Round
from tests.cms.conftest import publish, round_call
from tests.commissioning.conftest import tender_make
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.organisations.factories import OrganisationFactory
from tests.people.factories import UserFactory
from tests.social_value.factories import CriterionFactory


def tender_call(calls_index, *, state="published", deadline_in=20):
    tender = tender_make(
        UserFactory(), deadline=timezone.now() + timedelta(days=deadline_in), appraisal=False
    )
    type(tender).objects.filter(pk=tender.pk).update(state=state)
    tender.refresh_from_db()
    page = publish(calls_index, CallPage(title=tender.title, slug="home-support", tender=tender))
    return page, tender


def test_a_round_call_shows_its_live_facts_and_the_way_in(client, calls_index):
    millfield = NeighbourhoodFactory(name="Millfield")
    page = round_call(calls_index, title="Lunch clubs", maximum_annual_income=Decimal(250000))
    page.round.neighbourhoods.add(millfield)
    CriterionFactory(call=page.round.call, title="Reach", weight=Decimal(60))
    CriterionFactory(call=page.round.call, title="Value", weight=Decimal("40.5"))

    html = client.get(page.url).content.decode()

    assert f"{page.round.closes_at:%-d %B %Y}" in html
    assert "Grants of £500 to £10,000, from a budget of £20,000" in html
    assert "For organisations with a yearly income of £250,000 or less." in html
    assert "For work in Millfield." in html
    assert "Reach" in html and "60%" in html and "40.5%" in html
    assert f'href="/grants/rounds/{page.round.pk}/apply/">Start your application' in html


def test_a_date_changed_in_the_grants_record_shows_at_once(client, calls_index):
    page = round_call(calls_index, closes_in=30)
    new_deadline = timezone.now() + timedelta(days=3)
    Round.objects.filter(pk=page.round.pk).update(closes_at=new_deadline)

    html = client.get(page.url).content.decode()

    assert f"{new_deadline:%-d %B %Y}" in html
    assert "Closing soon" in html


def test_a_closed_call_shows_as_closed_with_no_way_to_apply(client, calls_index):
    page = round_call(calls_index, opens_in=-40, closes_in=-1)

    html = client.get(page.url).content.decode()

    assert "Closed</strong>" in html
    assert "This call has closed. You can no longer apply." in html
    assert "Start your application" not in html


def test_a_tender_call_shows_documents_and_only_published_answers(client, calls_index):
    page, tender = tender_call(calls_index)
    document = TenderDocument(tender=tender, title="Service specification")
    document.file.save("specification.pdf", ContentFile(b"%PDF-1.4"), save=True)
    asker, bidder = OrganisationFactory(), UserFactory()
    Clarification.objects.create(
        tender=tender,
        organisation=asker,
        asked_by=bidder,
        question="Can we bid for one lot?",
        published_question="Can a bidder bid for one lot only?",
        answer="Yes.",
        published_at=timezone.now(),
    )
    Clarification.objects.create(
        tender=tender,
        organisation=asker,
        asked_by=bidder,
        question="What is your budget, secretly?",
    )

    html = client.get(page.url).content.decode()

    assert "Estimated contract value £900,000" in html
    assert "Service specification" in html
    assert reverse("tender-document", args=[document.pk]) in html
    assert "Can a bidder bid for one lot only?" in html and "Yes." in html
    assert "secretly" not in html
    assert "Register interest and bid" in html


def test_a_tender_past_bidding_is_closed_whatever_its_deadline(client, calls_index):
    page, _ = tender_call(calls_index, state="evaluation", deadline_in=20)
    html = client.get(page.url).content.decode()
    assert "This call has closed. You can no longer bid." in html


def test_a_cancelled_tender_says_so_whatever_its_deadline(client, calls_index):
    page, tender = tender_call(calls_index, state="cancelled", deadline_in=20)
    type(tender).objects.filter(pk=tender.pk).update(cancel_reason="The service moves in-house.")
    html = client.get(page.url).content.decode()
    assert "This call was cancelled: The service moves in-house." in html
    assert "Register interest and bid" not in html


def titles(response) -> list[str]:
    return [page.title for page in response.context["calls"]]


def test_the_index_lists_open_calls_by_deadline_and_filters_them(client, calls_index):
    heights = NeighbourhoodFactory(name="The Heights", slug="the-heights")
    soon = round_call(calls_index, title="Closes soon", closes_in=5)
    later = round_call(calls_index, title="Closes later", closes_in=40)
    later.round.neighbourhoods.add(heights)
    round_call(calls_index, title="Closed last week", opens_in=-60, closes_in=-7)
    round_call(calls_index, title="Opens next month", opens_in=30, closes_in=60)
    tender_call(calls_index, deadline_in=20)

    assert titles(client.get(calls_index.url)) == [
        "Closes soon",
        "Home support in Northgate",
        "Closes later",
    ]
    assert titles(client.get(calls_index.url, {"type": "grant"})) == [
        "Closes soon",
        "Closes later",
    ]
    assert titles(client.get(calls_index.url, {"type": "tender"})) == ["Home support in Northgate"]
    assert titles(client.get(calls_index.url, {"status": "closing"})) == ["Closes soon"]
    assert titles(client.get(calls_index.url, {"status": "closed"})) == ["Closed last week"]
    assert titles(client.get(calls_index.url, {"status": "upcoming"})) == ["Opens next month"]
    assert titles(client.get(calls_index.url, {"neighbourhood": "the-heights"})) == ["Closes later"]
    assert len(titles(client.get(calls_index.url, {"status": "all"}))) == 5
    assert soon.url in client.get(calls_index.url).content.decode()


def test_the_home_page_leads_to_the_calls_closing_next(client, calls_index):
    round_call(calls_index, title="Lunch clubs", closes_in=5)

    html = client.get("/").content.decode()

    assert f'href="{calls_index.url}">Find an open call' in html
    assert "Lunch clubs" in html and "Closing soon" in html


def test_two_hundred_live_calls_render_in_a_bounded_number_of_queries(
    client, calls_index, django_assert_max_num_queries
):
    for n in range(200):
        page = round_call(calls_index, title=f"Round {n}", closes_in=5 + n % 50)
        CriterionFactory(call=page.round.call)
        page.round.neighbourhoods.add(NeighbourhoodFactory())
    tender_call(calls_index)

    with django_assert_max_num_queries(20):
        first = client.get(calls_index.url)
    with django_assert_max_num_queries(20):
        last = client.get(calls_index.url, {"page": 9})
    with django_assert_max_num_queries(20):
        everything = client.get(calls_index.url, {"status": "all", "page": 2})
    with django_assert_max_num_queries(25):
        one = client.get(CallPage.objects.live().last().url)

    assert first.context["calls"].paginator.count == 201
    assert len(titles(first)) == 25 and len(titles(last)) == 1
    assert everything.status_code == one.status_code == 200
