"""The public site's search and filters are GET forms rendered by the
GOV.UK field tag: a bad value is named, never a 500, and the rest apply."""

from cms.models import AwardsPage
from tests.cms.conftest import publish, round_call
from tests.neighbourhoods.factories import NeighbourhoodFactory


def test_the_calls_filters_are_radios_and_a_select_with_open_calls_first(client, calls_index):
    NeighbourhoodFactory(name="The Heights", slug="the-heights")

    html = client.get(calls_index.url).content.decode()
    tenders = client.get(calls_index.url, {"type": "tender", "status": "all"}).content.decode()

    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Type</legend>' in html
    assert 'id="id_type_0" name="type" type="radio" value="" checked>' in html
    assert 'for="id_type_0">Grants and tenders</label>' in html
    assert 'id="id_status_0" name="status" type="radio" value="open" checked>' in html
    assert 'for="id_status_0">Open now</label>' in html
    assert 'for="id_status_4">All calls</label>' in html
    assert '<option value="" selected>Anywhere</option>' in html
    assert '<option value="the-heights">The Heights</option>' in html
    assert "(optional)" not in html
    assert 'name="type" type="radio" value="tender" checked>' in tenders
    assert 'name="status" type="radio" value="all" checked>' in tenders


def test_a_bad_filter_is_named_and_the_others_still_apply(client, calls_index):
    round_call(calls_index, title="Closes soon", closes_in=5)
    round_call(calls_index, title="Closed last week", opens_in=-60, closes_in=-7)

    response = client.get(
        calls_index.url, {"type": "loans", "status": "closed", "neighbourhood": "atlantis"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Calls for partners" in html
    assert '<a href="#id_type_0">Select grants, tenders or both</a>' in html
    assert '<a href="#id_neighbourhood">Select a neighbourhood from the list</a>' in html
    assert [page.title for page in response.context["calls"]] == ["Closed last week"]


def test_grants_awarded_filter_by_neighbourhood_through_the_field_tag(client, home):
    page = publish(home, AwardsPage(title="Grants awarded", slug="awards"))
    NeighbourhoodFactory(name="Millfield", slug="millfield")

    html = client.get(page.url, {"neighbourhood": "millfield"}).content.decode()
    bad = client.get(page.url, {"neighbourhood": "atlantis"}).content.decode()

    assert '<label class="govuk-label govuk-label--s" for="id_neighbourhood">' in html
    assert '<option value="">Everywhere</option>' in html
    assert '<option value="millfield" selected>Millfield</option>' in html
    assert "awarded in Millfield" in html
    assert "Select a neighbourhood from the list" in bad
    assert "<title>Error: Grants awarded" in bad


def test_site_search_box_is_a_form_field_with_its_hint(client, home):
    html = client.get("/search/", {"q": "lunch"}).content.decode()
    too_long = client.get("/search/", {"q": "x" * 201}).content.decode()

    assert '<label class="govuk-label govuk-label--s" for="id_q">Search this site</label>' in html
    assert 'id="id_q-hint">For example, lunch club, community connectors or Millfield</div>' in html
    assert 'type="search" name="q" value="lunch"' in html
    assert "govuk-!-width-two-thirds" in html
    assert '<a href="#id_q">Search for 200 characters or fewer</a>' in too_long
