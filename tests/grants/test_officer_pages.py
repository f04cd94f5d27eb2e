"""The officer's round pages at scale, and the dashboard's figures."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from grants.models import Application, State
from organisations.models import LegalForm, Organisation
from tests.grants.conftest import draft
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_thousand(grant_round):
    owner = UserFactory()
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Group {n:04d}",
            legal_form=LegalForm.UNINCORPORATED_GROUP,
            org_id=f"360G-test-{n}",
        )
        for n in range(5000)
    )
    states = [State.ELIGIBILITY, State.ASSESSMENT, State.PANEL, State.DRAFT]
    Application.objects.bulk_create(
        Application(
            round=grant_round,
            organisation=organisation,
            created_by=owner,
            reference=f"G{grant_round.pk}-{n:05d}",
            project_title=f"Project {n}",
            amount_requested=Decimal(1000 + n),
            state=states[n % 4],
            submitted_at=timezone.now(),
        )
        for n, organisation in enumerate(organisations)
    )
    return grant_round


def test_application_list_of_5000_paginates_in_bounded_queries(
    client, officer, five_thousand, django_assert_max_num_queries
):
    client.force_login(officer)
    url = reverse("grants-application-list", args=[five_thousand.pk])
    # 12 for the page and one for the session's two-step verification.
    with django_assert_max_num_queries(13):
        response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "5000 applications." in body
    assert body.count('href="/grants/manage/applications/') == 50
    assert "Page 1 of 100" in body
    with django_assert_max_num_queries(13):
        filtered = client.get(url, {"state": "panel", "page": 3})
    assert "1250 applications." in filtered.content.decode()
    assert "Page 3 of 25" in filtered.content.decode()


def test_the_neighbourhood_filter_counts_an_organisation_in_two_once(
    client, officer, five_thousand
):
    """Group 0007 works in Old Town and in Riverside; Group 0008 in
    Riverside only; nobody else in either: the Riverside filter lists each
    of the two applications once, the Old Town filter one."""
    from neighbourhoods.models import Neighbourhood

    old_town = Neighbourhood.objects.create(name="Old Town", slug="old-town")
    riverside = Neighbourhood.objects.create(name="Riverside", slug="riverside")
    Organisation.objects.get(name="Group 0007").neighbourhoods.add(old_town, riverside)
    Organisation.objects.get(name="Group 0008").neighbourhoods.add(riverside)
    client.force_login(officer)
    url = reverse("grants-application-list", args=[five_thousand.pk])

    body = client.get(url, {"neighbourhood": "riverside"}).content.decode()
    assert "2 applications." in body
    assert body.count('href="/grants/manage/applications/') == 2
    assert "Project 7<" in body and "Project 8<" in body
    body = client.get(url, {"neighbourhood": "old-town"}).content.decode()
    assert "1 application." in body
    assert "Project 7<" in body and "Project 8<" not in body


def test_search_finds_by_organisation(client, officer, five_thousand):
    client.force_login(officer)
    response = client.get(
        reverse("grants-application-list", args=[five_thousand.pk]), {"q": "Group 0042"}
    )
    assert "1 application." in response.content.decode()


def test_dashboard_counts_and_budget(client, officer, submitted):
    client.force_login(officer)
    body = client.get(reverse("grants-round-dashboard", args=[submitted.round_id])).content
    body = body.decode()
    assert "Eligibility check" in body
    assert "£20,000" in body  # remaining: nothing committed yet


def test_applicant_sees_state_and_next_step_in_plain_words(
    client, member, grant_round, organisation
):
    draft(grant_round, organisation, member)
    client.force_login(member)
    body = client.get(reverse("my-applications")).content.decode()
    assert "Draft" in body
    assert "Finish your answers and submit before the round closes." in body


def test_round_screens_in_the_admin_render_with_the_question_builder(client, grant_round):
    from people import roles

    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR]))
    for url in (
        "/admin/round/",
        "/admin/round/new/",
        f"/admin/round/edit/{grant_round.pk}/",
        "/admin/programme/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    edit = client.get(f"/admin/round/edit/{grant_round.pk}/").content.decode()
    assert "What will you do?" in edit  # the round's questions, editable as blocks
    assert "Registered charity (trust or association)" in edit  # legal forms as ticks
