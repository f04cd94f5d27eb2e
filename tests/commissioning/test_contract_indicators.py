"""A contract's key performance indicators are measures with targets, set
by a commissioner; the supplier reports delivery against each and the
contract page sets every report beside its target."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from commissioning.models import Contract, KeyPerformanceIndicator
from commissioning.services.tenders import tender_publish
from tests.commissioning.conftest import bid_in, bidder_make, tender_approved, tender_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def contract(commissioner):
    tender = tender_make(commissioner, lots=1)
    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    lot = tender.lots.get()
    bid = bid_in(lot, bidder_make("Alpha CIC"))
    return Contract.objects.create(
        lot=lot,
        bid=bid,
        supplier=bid.organisation,
        value=Decimal(400000),
        starts_on=date(2027, 4, 1),
        ends_on=date(2030, 3, 31),
        recorded_by=commissioner,
    )


def test_indicators_with_targets_and_delivery_reported_against_them(client, commissioner, contract):
    url = reverse("contract-detail", args=[contract.pk])
    client.force_login(commissioner)
    refused = client.post(url, {"form": "indicator", "measure": "Older people visited"})
    assert refused.status_code == 400
    assert "Enter the target." in refused.content.decode()
    client.post(
        url,
        {"form": "indicator", "measure": "Older people visited", "target": "120", "unit": "people"},
    )
    indicator = KeyPerformanceIndicator.objects.get()
    assert (indicator.measure, indicator.target, indicator.unit) == (
        "Older people visited",
        Decimal(120),
        "people",
    )

    supplier = contract.supplier.memberships.get().user
    client.force_login(supplier)
    page = client.get(url).content.decode()
    assert "Add the indicator" not in page
    outside = client.post(
        url,
        {
            "form": "report",
            "indicator": indicator.pk,
            "period_ending_day": "30",
            "period_ending_month": "9",
            "period_ending_year": "2026",
            "achieved": "40",
        },
    )
    assert outside.status_code == 400
    assert "The period ends within the contract&#x27;s dates." in outside.content.decode()
    client.post(
        url,
        {
            "form": "report",
            "indicator": indicator.pk,
            "period_ending_day": "30",
            "period_ending_month": "9",
            "period_ending_year": "2027",
            "achieved": "45",
            "note": "Two volunteers joined in August.",
        },
    )
    client.force_login(commissioner)
    page = client.get(url).content.decode()
    assert "120 people" in page
    assert "45 people to 30 September 2027: Two volunteers joined in August." in page
    # A commissioner does not report for the supplier.
    assert "Send the report" not in page


def test_only_the_supplier_reports_delivery(client, contract, commissioner):
    KeyPerformanceIndicator.objects.create(
        contract=contract, measure="Visits", target=Decimal(500), unit="visits"
    )
    client.force_login(bidder_make("Someone else"))
    url = reverse("contract-detail", args=[contract.pk])
    assert client.post(url, {"form": "report"}).status_code == 403
