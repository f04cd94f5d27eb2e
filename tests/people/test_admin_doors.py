"""Every role against the newer staff screens: the Key Human Indicator
instruments, the monitoring forms, each programme's due diligence and the
agreement templates (Wagtail admin), and the API tokens (Django admin).

Who may open each was written down from the product's rules, not read
from the role table: the grants officers who run programmes (and the
administrators, who hold every grants permission) keep the first four;
only administrators make and revoke API tokens. Everyone else, signed in
or not, is refused at the list, the new-item form and an item's own page,
and a refused attempt to make a token leaves none made. Staff roles are
given staff status here, the harder case for the Django admin."""

import pytest
from django.test import Client
from django.urls import reverse

from api.models import ApiToken
from finance.models import ProgrammeFinance
from outcomes.models import Instrument, MonitoringForm
from people import roles
from tests.finance.conftest import template
from tests.grants.factories import ProgrammeFactory
from tests.people.factories import UserFactory
from tests.people.test_role_escalation import refused

pytestmark = pytest.mark.django_db

ANONYMOUS = "signed out"
EVERYONE = [
    roles.ADMINISTRATOR,
    roles.COMMISSIONER,
    roles.GRANTS_OFFICER,
    roles.FINANCE_OFFICER,
    roles.PANEL_MEMBER,
    roles.APPLICANT,
    roles.LINK_WORKER,
    ANONYMOUS,
]
PROGRAMME_KEEPERS = {roles.ADMINISTRATOR, roles.GRANTS_OFFICER}
DOORS = {
    "instrument": PROGRAMME_KEEPERS,
    "monitoringform": PROGRAMME_KEEPERS,
    "programmefinance": PROGRAMME_KEEPERS,
    "agreementtemplate": PROGRAMME_KEEPERS,
    "apitoken": {roles.ADMINISTRATOR},
}


@pytest.fixture
def items():
    programme = ProgrammeFactory()
    return {
        "instrument": Instrument.objects.create(name="Connections"),
        "monitoringform": MonitoringForm.objects.create(programme=programme, questions=[]),
        "programmefinance": ProgrammeFinance.objects.create(programme=programme),
        "agreementtemplate": template(),
        "apitoken": None,  # made below, by an administrator
    }


def client_for(role: str) -> Client:
    client = Client()
    if role != ANONYMOUS:
        client.force_login(UserFactory(roles=[role], is_staff=role in roles.STAFF_ROLES))
    return client


def addresses(door: str, item) -> list[str]:
    if door == "apitoken":
        token = ApiToken.objects.first()
        return [
            reverse("admin:api_apitoken_changelist"),
            reverse("admin:api_apitoken_add"),
            *([reverse("admin:api_apitoken_change", args=[token.pk])] if token else []),
        ]
    return [
        reverse(f"{door}:index"),
        reverse(f"{door}:add"),
        reverse(f"{door}:edit", args=[item.pk]),
    ]


@pytest.mark.parametrize("role", EVERYONE)
def test_each_role_opens_only_the_staff_screens_its_work_needs(role, items):
    admin = client_for(roles.ADMINISTRATOR)
    admin.post(
        reverse("admin:api_apitoken_add"),
        {"user": UserFactory().pk, "name": "Finance system"},
    )
    assert ApiToken.objects.count() == 1
    client = client_for(role)
    for door, allowed in DOORS.items():
        for address in addresses(door, items[door]):
            response = client.get(address)
            if role in allowed:
                assert response.status_code == 200, (role, address)
            else:
                assert refused(response), (role, address, response.status_code)


@pytest.mark.parametrize("role", [r for r in EVERYONE if r != roles.ADMINISTRATOR])
def test_no_one_but_an_administrator_makes_an_api_token(role):
    person = UserFactory()
    response = client_for(role).post(
        reverse("admin:api_apitoken_add"), {"user": person.pk, "name": "Someone's token"}
    )
    assert refused(response), (role, response.status_code)
    assert not ApiToken.objects.exists()
