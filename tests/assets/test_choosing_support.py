"""An asset's page for people choosing their own support: where it is,
when it is open, how to get there, what it costs and whether a personal
budget pays for it; micro-enterprises; how to volunteer; and the
directory's filters for them."""

import pytest
from django.test import Client
from django.urls import reverse

from assets.models import Asset, AssetKind
from organisations.models import LegalForm
from tests.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def day_service():
    return Asset.objects.create(
        kind=AssetKind.SERVICE,
        name="Millfield day service",
        description="Days out, lunch and company.",
        address="Mill Street\nMillfield",
        postcode="AV2 4MF",
        availability="Weekdays 9am to 4pm",
        getting_there="Bus 7 to Mill Street; step-free entrance at the side.",
        cost="paid",
        cost_details="£45 a day",
        accepts_personal_budgets=True,
        volunteering="Help with lunch on Fridays: ring the office.",
    )


@pytest.fixture
def sitter():
    enterprise = OrganisationFactory(name="Jo's sitting service", legal_form=LegalForm.SOLE_TRADER)
    return Asset.objects.create(
        kind=AssetKind.SERVICE, name="Evening sitting", organisation=enterprise
    )


def test_the_asset_page_says_where_when_how_to_get_there_and_what_it_costs(client, day_service):
    body = client.get(reverse("asset-detail", args=[day_service.pk])).content.decode()
    assert "Mill Street<br>Millfield<br>AV2 4MF" in body
    assert "Opening times" in body and "Weekdays 9am to 4pm" in body
    assert "How to get there" in body
    assert "Bus 7 to Mill Street; step-free entrance at the side." in body
    assert "Paid: £45 a day" in body
    assert "Accepts personal budgets and direct payments" in body
    assert "You can pay with a personal budget or direct payment." in body
    assert "Volunteer or get involved" in body
    assert "Help with lunch on Fridays: ring the office." in body
    assert "Add to my list" in body


def test_no_volunteering_offer_no_section(client, sitter):
    body = client.get(reverse("asset-detail", args=[sitter.pk])).content.decode()
    assert "Volunteer or get involved" not in body
    assert "Micro-enterprise" in body  # a sole trader's offer


def test_the_holder_edits_the_new_details_in_the_update_form(client, day_service):
    membership = MembershipFactory()
    day_service.organisation = membership.organisation
    day_service.save()
    client.force_login(membership.user)
    form = client.get(reverse("asset-update", args=[day_service.pk])).content.decode()
    for label in ("How to volunteer or get involved", "How to get there", "Address"):
        assert label in form
    data = {
        "name": day_service.name,
        "kind": day_service.kind,
        "status": "active",
        "address": "Mill Street\nMillfield",
        "postcode": "AV2 4MF",
        "getting_there": "Bus 7.",
        "cost": "paid",
        "volunteering": "Drivers wanted on Mondays.",
    }  # the personal budgets box left unticked
    assert client.post(reverse("asset-update", args=[day_service.pk]), data).status_code == 302
    day_service.refresh_from_db()
    assert day_service.volunteering == "Drivers wanted on Mondays."
    assert day_service.accepts_personal_budgets is False
    page = Client().get(reverse("asset-detail", args=[day_service.pk])).content.decode()
    assert "Drivers wanted on Mondays." in page


def test_the_directory_filters_personal_budgets_and_micro_enterprises(client, day_service, sitter):
    Asset.objects.create(kind=AssetKind.MICRO_ENTERPRISE, name="Garden help with Ravi")
    Asset.objects.create(kind=AssetKind.SERVICE, name="Town library")

    def names(**filters):
        page = client.get(reverse("asset-directory"), filters)
        return [asset.name for asset in page.context["page"]]

    assert names(budgets="on") == ["Millfield day service"]
    assert names(micro="on") == ["Evening sitting", "Garden help with Ravi"]
    assert len(names()) == 4
    body = client.get(reverse("asset-directory"), {"budgets": "on"}).content.decode()
    assert "1 asset." in body
    assert "Personal budgets" in body
