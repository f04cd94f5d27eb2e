"""Creating a round makes its scoring call in the same form: criteria and
weights typed where the round is set up, no second screen."""

import re

import pytest

from grants.models import Round
from people import roles
from social_value.models import CallKind, CriterionKind
from tests.grants.factories import ProgrammeFactory
from tests.people.factories import UserFactory
from tests.social_value.factories import FrameworkFactory, PanelFactory

pytestmark = pytest.mark.django_db


def new_round(client, criteria: str, **extra):
    programme = ProgrammeFactory()
    data = {
        "programme": programme.pk,
        "title": "Lunch clubs 2027",
        "slug": "lunch-clubs-2027",
        "description": "",
        "opens_at": "2027-01-04 09:00",
        "closes_at": "2027-02-26 12:00",
        "budget": "40000",
        "minimum_award": "500",
        "maximum_award": "5000",
        "maximum_annual_income": "",
        "questions-count": "0",
        "scoring_criteria": criteria,
        **extra,
    }
    return client.post("/admin/round/new/", data)


def test_a_new_round_makes_its_scoring_call_with_criteria_and_weights(client):
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR]))
    panel = PanelFactory(name="Lunch clubs panel")
    framework = FrameworkFactory(state="published")
    form = client.get("/admin/round/new/").content.decode()
    assert "How applications are scored" in form
    assert 'name="call"' not in form  # nothing to make on another screen first

    response = new_round(
        client,
        "Gateway: Safeguarding policy in place\n"
        "Need in the neighbourhood, 60\n"
        "Local spend and volunteering, 40 (social value)\n",
        scoring_panel=panel.pk,
        scoring_framework=framework.pk,
    )
    assert response.status_code == 302, re.findall(
        r'error-message">(.*?)<', response.content.decode(), re.S
    )
    round_ = Round.objects.get(title="Lunch clubs 2027")
    call = round_.call
    assert (call.title, call.kind, call.panel, call.framework) == (
        "Lunch clubs 2027",
        CallKind.GRANT_ROUND,
        panel,
        framework,
    )
    assert [(c.kind, c.title, int(c.weight), c.is_social_value) for c in call.criteria.all()] == [
        (CriterionKind.GATEWAY, "Safeguarding policy in place", 0, False),
        (CriterionKind.SCORED, "Need in the neighbourhood", 60, False),
        (CriterionKind.SCORED, "Local spend and volunteering", 40, True),
    ]


def test_weights_that_do_not_add_up_are_refused_and_nothing_is_made(client):
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR]))
    response = new_round(client, "Need, 60\nLed by the people it serves, 30\n")
    page = response.content.decode()
    assert response.status_code == 200
    assert "The weights add up to 90, not 100." in page
    assert "Led by the people it serves, 30" in page  # what was typed, kept
    assert not Round.objects.exists()
