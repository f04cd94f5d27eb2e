"""Grants awarded, the approaches catalogue, search and the sitemap."""

from decimal import Decimal

from cms.models import ApproachIndexPage, ApproachPage, AwardsPage
from grants.models import Application
from tests.cms.conftest import publish
from tests.grants.factories import RoundFactory
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.organisations.factories import OrganisationFactory
from tests.people.factories import UserFactory


def grant(organisation, amount, state, title="Lunch club"):
    return Application.objects.create(
        round=RoundFactory(),
        organisation=organisation,
        created_by=UserFactory(),
        reference=f"CG-{Application.objects.count() + 1}",
        project_title=title,
        approved_amount=Decimal(amount),
        state=state,
    )


def test_grants_awarded_show_by_neighbourhood_and_organisation(client, home):
    page = publish(home, AwardsPage(title="Grants awarded", slug="awards"))
    millfield = NeighbourhoodFactory(name="Millfield", slug="millfield")
    heights = NeighbourhoodFactory(name="The Heights", slug="the-heights")
    lunch = OrganisationFactory(name="Millfield Lunch Club")
    lunch.neighbourhoods.add(millfield)
    walkers = OrganisationFactory(name="Heights Walkers")
    walkers.neighbourhoods.add(heights)
    grant(lunch, "5000", "active", "Tuesday lunches")
    grant(walkers, "2500", "accepted", "Walking for health")
    grant(walkers, "9999", "draft", "Still a draft")
    grant(walkers, "7777", "declined", "Turned down")

    everywhere = client.get(page.url)
    in_millfield = client.get(page.url, {"neighbourhood": "millfield"}).content.decode()

    html = everywhere.content.decode()
    assert "Tuesday lunches" in html and "Walking for health" in html
    assert "Still a draft" not in html and "Turned down" not in html
    assert "£7,500</strong> in all" in html
    rows = {n.name: (n.grant_count, n.amount) for n in everywhere.context["by_neighbourhood"]}
    assert rows == {"Millfield": (1, Decimal(5000)), "The Heights": (1, Decimal(2500))}
    assert "Tuesday lunches" in in_millfield and "Walking for health" not in in_millfield
    assert "£5,000</strong> in all" in in_millfield


def test_approaches_can_be_filtered_by_tag(client, home):
    index = publish(home, ApproachIndexPage(title="Community approaches", slug="approaches"))
    homeshare = ApproachPage(title="Homeshare", summary="A spare room, shared.")
    homeshare.tags.add("housing", "older people")
    publish(index, homeshare)
    connectors = ApproachPage(title="Community connectors", summary="People who know the patch.")
    connectors.tags.add("loneliness")
    publish(index, connectors)

    everything = client.get(index.url).content.decode()
    housing = client.get(index.url, {"tag": "housing"}).content.decode()

    assert "Homeshare" in everything and "Community connectors" in everything
    assert "Homeshare" in housing and "Community connectors" not in housing
    assert 'href="?tag=older-people"' in everything


def test_site_search_finds_pages_by_their_words(client, home):
    index = publish(home, ApproachIndexPage(title="Community approaches", slug="approaches"))
    publish(index, ApproachPage(title="Shared Lives", summary="Carers share family life."))

    found = client.get("/search/", {"q": "Shared Lives"}).content.decode()
    nothing = client.get("/search/", {"q": "submarine"}).content.decode()

    assert 'href="/approaches/shared-lives/">Shared Lives</a>' in found
    assert "No results for ‘submarine’" in nothing


def test_the_sitemap_lists_the_public_pages(client, home):
    index = publish(home, ApproachIndexPage(title="Community approaches", slug="approaches"))
    publish(index, ApproachPage(title="Homeshare", summary="A spare room, shared."))

    xml = client.get("/sitemap.xml").content.decode()

    assert "/approaches/homeshare/</loc>" in xml
