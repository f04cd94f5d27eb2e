"""The grants awarded, a page of 50 at a time, at a council's size."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import AwardsPage
from grants.models import Application
from organisations.models import Organisation
from tests.cms.conftest import publish
from tests.grants.factories import RoundFactory
from tests.organisations.factories import OrganisationFactory
from tests.people.factories import UserFactory


@pytest.fixture
def awards(home):
    return publish(home, AwardsPage(title="Grants awarded", slug="awards"))


def award_grants(count, *, start=0):
    # One application per organisation in a round: an organisation each.
    round_, person = RoundFactory(), UserFactory()
    organisations = Organisation.objects.bulk_create(
        OrganisationFactory.build(name=f"Group {n:04d}", org_id=f"XI-TEST-{n:04d}")
        for n in range(start, start + count)
    )
    Application.objects.bulk_create(
        Application(
            round=round_,
            organisation=organisations[n - start],
            created_by=person,
            reference=f"CG-{n:04d}",
            project_title=f"Project {n:04d}",
            approved_amount=Decimal(100),
            state="active",
        )
        for n in range(start, start + count)
    )


def test_120_awards_show_50_a_page_over_three_pages(client, awards):
    award_grants(120)
    first = client.get(awards.url).content.decode()
    assert "120 grants awarded" in first and "£12,000</strong> in all" in first
    assert first.count("Project 0") == 50
    assert "Project 0000" in first and "Project 0049" in first and "Project 0050" not in first
    assert "Page 1 of 3" in first and 'href="?page=2"' in first
    second = client.get(awards.url, {"page": 2}).content.decode()
    assert second.count("Project 0") == 50
    assert "Project 0050" in second and "Project 0099" in second and "Page 2 of 3" in second
    third = client.get(awards.url, {"page": 3}).content.decode()
    assert third.count("Project 0") == 20 and "Project 0119" in third
    # A page past the end, or not a number, shows a real page, not an error.
    assert "Page 3 of 3" in client.get(awards.url, {"page": 99}).content.decode()
    assert "Page 1 of 3" in client.get(awards.url, {"page": "two"}).content.decode()


def awards_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_awards_queries_stay_flat_and_never_load_answers(client, awards):
    award_grants(60)
    few = awards_queries(client, awards.url)
    award_grants(600, start=60)
    many = awards_queries(client, awards.url)
    assert len(many) == len(few)
    listing = [
        sql.split(" FROM ")[0]
        for sql in many
        if 'FROM "grants_application"' in sql and "LIMIT" in sql
    ]
    assert listing, many
    answer_columns = [
        f.column
        for f in Application._meta.concrete_fields
        if f.name not in ("id", "reference", "project_title", "approved_amount")
        and f.name not in ("organisation", "round")
    ]
    for column in answer_columns:
        assert f'"grants_application"."{column}"' not in listing[0], column
