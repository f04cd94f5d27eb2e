"""The staff screens in the Wagtail admin for the framework, calls and panels."""

from decimal import Decimal

import pytest
from django.urls import reverse

from people import roles
from social_value.models import Measure
from tests.people.factories import UserFactory
from tests.social_value.factories import published_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR]))
    return client


def test_call_and_panel_screens_render(admin_client, tender):
    for name, args in (
        ("call:index", []),
        ("call:add", []),
        ("call:edit", [tender.call.pk]),
        ("panel:edit", [tender.call.panel.pk]),
        ("measure:index", []),
        ("framework:index", []),
    ):
        response = admin_client.get(reverse(name, args=args))
        assert response.status_code == 200, name
    listing = admin_client.get(reverse("call:index")).content.decode()
    assert reverse("call-overview", args=[tender.call.pk]) in listing


def test_editing_a_published_measure_in_the_admin_is_refused(admin_client):
    measure = Measure.objects.get(outcome__theme__framework=published_framework(VOL="15.00"))
    response = admin_client.post(
        reverse("measure:edit", args=[measure.pk]),
        {
            "outcome": measure.outcome_id,
            "code": measure.code,
            "name": measure.name,
            "unit": measure.unit,
            "proxy_value": "99.00",
            "evidence_required": "Timesheets",
        },
    )
    assert response.status_code == 200
    assert "published and frozen" in response.content.decode()
    measure.refresh_from_db()
    assert measure.proxy_value == Decimal("15.00")


def test_commissioners_cannot_edit_the_framework(client):
    measure = Measure.objects.get(outcome__theme__framework=published_framework(VOL="15.00"))
    client.force_login(UserFactory(roles=[roles.COMMISSIONER]))
    response = client.get(reverse("measure:edit", args=[measure.pk]))
    assert response.status_code in (302, 403)
    assert client.get(reverse("framework-list")).status_code == 200
