"""The portal's dashboard for council staff: their work, never an
applicant's first steps."""

import pytest
from django.urls import reverse

from people import roles
from tests.grants.factories import RoundFactory
from tests.grants.test_officer_steps import at_panel
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_grants_officer_sees_what_waits_and_no_applicant_steps(client):
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    at_panel(RoundFactory(), officer)
    client.force_login(officer)
    page = client.get(reverse("portal-dashboard")).content.decode()
    assert "Your work" in page
    assert '<a class="govuk-link" href="/admin/">staff home</a>' in page
    assert (
        '<a class="govuk-link" href="/grants/manage/waiting/eligibility/">'
        "<strong>0</strong> eligibility checks to do</a>"
    ) in page
    assert "Register an organisation" not in page
    assert "your applications" not in page


def test_an_applicant_is_offered_to_register_and_sees_no_staff_work(client):
    client.force_login(UserFactory(roles=[roles.APPLICANT]))
    page = client.get(reverse("portal-dashboard")).content.decode()
    assert "Register an organisation" in page
    assert "your applications" in page
    assert "Your work" not in page
