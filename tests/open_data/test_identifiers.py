"""Open Referral UK identifiers: an organisation's identifier split into
its org-id.guide scheme and the identifier on that scheme, and service
areas with an id of their own for each service."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assets.models import Asset, AssetKind
from organisations.models import LegalForm
from organisations.org_ids import org_id_split
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("org_id", "scheme", "identifier"),
    [
        ("GB-CHC-1190001", "GB-CHC", "1190001"),
        ("GB-SC-SC012345", "GB-SC", "SC012345"),
        ("GB-NIC-100002", "GB-NIC", "100002"),
        ("GB-COH-01234567", "GB-COH", "01234567"),
        ("360G-commonground-ORG-2", "360G-commonground", "ORG-2"),
        ("360G-otherfunder-ORG-17-B", "360G-otherfunder", "ORG-17-B"),
    ],
)
def test_an_identifier_splits_into_its_scheme_and_the_number_on_it(org_id, scheme, identifier):
    assert org_id_split(org_id, publisher="commonground")[:2] == (scheme, identifier)


def test_the_api_gives_an_unregistered_groups_scheme_whole(client):
    group = OrganisationFactory(name="Towpath Friends", legal_form=LegalForm.UNINCORPORATED_GROUP)
    charity = OrganisationFactory(
        name="Canal Kitchen", legal_form=LegalForm.CIO, charity_number="0512345"
    )
    records = {
        r["name"]: r["organization_identifiers"][0]
        for r in client.get(reverse("openreferral-organizations")).json()["contents"]
    }
    assert (
        records["Towpath Friends"]["identifier_scheme"],
        records["Towpath Friends"]["identifier"],
    ) == ("360G-commonground", f"ORG-{group.pk}")
    assert (
        records["Canal Kitchen"]["identifier_scheme"],
        records["Canal Kitchen"]["identifier"],
    ) == ("GB-CHC", "512345")
    assert charity.pk


def test_each_service_has_its_own_service_area_ids(client):
    canal, market = (
        NeighbourhoodFactory(name="Canal Side", slug="canal-side"),
        NeighbourhoodFactory(name="Market Town", slug="market-town"),
    )
    for name in ("Lunch club", "Choir"):
        asset = Asset.objects.create(
            kind=AssetKind.SERVICE,
            name=name,
            latitude=Decimal("52.401"),
            longitude=Decimal("-1.512"),
        )
        asset.neighbourhoods.add(canal, market)
    services = client.get(reverse("openreferral-services")).json()["contents"]
    area_ids = [area["id"] for s in services for area in s["service_areas"]]
    assert len(area_ids) == 4
    assert len(set(area_ids)) == 4
    for service in services:
        assert {area["service_id"] for area in service["service_areas"]} == {service["id"]}
