"""A bidder's pages: preparing a bid with social value promises, the
receipt, and what carries over to the panel and the contract."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from commissioning.models import Bid, BidState
from commissioning.services import evaluation
from commissioning.services.tenders import (
    tender_open_bids,
    tender_publish,
    tenders_close_due,
)
from social_value.models import Measure
from tests.commissioning.conftest import bidder_make, method_key, tender_approved
from tests.social_value.factories import MeasureFactory, OutcomeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_tender(tender, commissioner):
    framework = tender.call.framework
    # The measure is added while the framework is a draft, as a council would.
    type(framework).objects.filter(pk=framework.pk).update(state="draft")
    framework.refresh_from_db()
    MeasureFactory(
        outcome=OutcomeFactory(theme=ThemeFactory(framework=framework)),
        code="JOBS",
        name="Jobs for people with lived experience",
        proxy_value=Decimal("9000"),
        unit="fte",
    )
    type(framework).objects.filter(pk=framework.pk).update(state="published")
    tender_approved(tender, commissioner)
    return tender_publish(tender=tender, actor=commissioner)


def test_bidder_prepares_promises_and_submits_with_a_receipt(
    client, open_tender, commissioner, django_capture_on_commit_callbacks
):
    bidder = bidder_make("Connect CIC")
    organisation = bidder.memberships.get().organisation
    client.force_login(bidder)
    lot = open_tender.lots.first()
    client.post(reverse("bid-start", args=[lot.pk]), {"organisation": organisation.pk})
    bid = Bid.objects.get()
    page = client.get(reverse("bid-edit", args=[bid.pk])).content.decode()
    assert "Social value you commit to" in page and "Worth £9,000 per unit" in page
    missing = client.post(
        reverse("bid-edit", args=[bid.pk]),
        {"version": bid.version, "action": "submit", "price": "250,000"},
    )
    assert missing.status_code == 400
    assert "Answer this question: Method statement" in missing.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            reverse("bid-edit", args=[bid.pk]),
            {
                "version": bid.version + 1,
                "action": "submit",
                "price": "250,000",
                f"q_{method_key(open_tender)}": "Connectors based in the library",
                "sv-quantity_JOBS": "2",
                "sv-evidence_JOBS": "Contracts of employment",
            },
        )
    assert done.status_code == 302
    bid.refresh_from_db()
    assert bid.state == BidState.SUBMITTED
    version = bid.versions.get()
    assert (version.price, version.commitments["JOBS"]["quantity"]) == (Decimal(250000), "2")
    assert [m.subject for m in mail.outbox] == [f"Bid {bid.reference} received: version 1"]
    detail = client.get(reverse("bid-detail", args=[bid.pk])).content.decode()
    assert "£18,000" in detail  # 2 × £9,000

    with time_machine.travel(open_tender.submission_deadline + timedelta(seconds=1)):
        tenders_close_due()
        tender_open_bids(tender=open_tender, actor=commissioner)
        evaluation.compliance_record(bid=bid, actor=commissioner, compliant=True)
    bid.refresh_from_db()
    [commitment] = bid.submission.commitments.all()
    assert commitment.measure == Measure.objects.get(code="JOBS")
    assert commitment.value == Decimal("18000.00")
    assert "Connectors based in the library" in bid.submission.content
    # The commissioner's export writes the price as the pages do.
    client.force_login(commissioner)
    export = client.get(reverse("tender-bids-csv", args=[open_tender.pk])).content.decode()
    [row] = [line for line in export.splitlines() if bid.reference in line]
    assert '"£250,000"' in row


def test_another_organisation_cannot_open_the_bid_editor(client, open_tender):
    owner, rival = bidder_make("Owner"), bidder_make("Rival")
    client.force_login(owner)
    lot = open_tender.lots.first()
    client.post(
        reverse("bid-start", args=[lot.pk]),
        {"organisation": owner.memberships.get().organisation_id},
    )
    bid = Bid.objects.get()
    client.force_login(rival)
    assert client.get(reverse("bid-edit", args=[bid.pk])).status_code == 403
    assert client.post(reverse("bid-withdraw", args=[bid.pk])).status_code == 403
    bid.refresh_from_db()
    assert bid.state == BidState.DRAFT


def test_a_save_without_its_version_is_refused_as_stale_and_changes_nothing(client, open_tender):
    owner = bidder_make("Owner")
    client.force_login(owner)
    client.post(
        reverse("bid-start", args=[open_tender.lots.first().pk]),
        {"organisation": owner.memberships.get().organisation_id},
    )
    bid = Bid.objects.get()
    response = client.post(
        reverse("bid-edit", args=[bid.pk]),
        {"action": "save", "price": "100", "version": "not a number"},
    )
    assert response.status_code == 400
    assert "saved this bid after you opened it" in response.content.decode()
    bid.refresh_from_db()
    assert bid.draft_price is None


def _draft_bid(client, open_tender, name="Check CIC"):
    bidder = bidder_make(name)
    client.force_login(bidder)
    lot = open_tender.lots.first()
    client.post(
        reverse("bid-start", args=[lot.pk]),
        {"organisation": bidder.memberships.get().organisation_id},
    )
    return Bid.objects.get()


def test_the_bid_shows_a_task_list_and_an_incomplete_bid_cannot_be_submitted(client, open_tender):
    bid = _draft_bid(client, open_tender)
    edit = client.get(reverse("bid-edit", args=[bid.pk])).content.decode()
    assert 'class="govuk-task-list"' in edit
    assert "Your price" in edit and "Incomplete" in edit and "Cannot start yet" in edit

    check = client.get(reverse("bid-check", args=[bid.pk])).content.decode()
    assert "You cannot submit yet" in check
    assert f'href="/commissioning/bids/{bid.pk}/edit/#id_price-field"' in check
    assert "Accept and submit" not in check
    client.post(reverse("bid-check", args=[bid.pk]))
    bid.refresh_from_db()
    assert bid.state == BidState.DRAFT


def test_a_bid_is_saved_checked_then_submitted_with_a_confirmation(
    client, open_tender, django_capture_on_commit_callbacks
):
    bid = _draft_bid(client, open_tender)
    saved = client.post(
        reverse("bid-edit", args=[bid.pk]),
        {
            "version": bid.version,
            "action": "check",
            "price": "250,000",
            f"q_{method_key(open_tender)}": "Connectors based in the library",
        },
    )
    assert saved.url == reverse("bid-check", args=[bid.pk])
    bid.refresh_from_db()
    assert bid.state == BidState.DRAFT  # checking submits nothing

    check = client.get(reverse("bid-check", args=[bid.pk])).content.decode()
    assert "You cannot submit yet" not in check
    assert "£250,000" in check and "Connectors based in the library" in check
    assert 'Change<span class="govuk-visually-hidden"> your price</span>' in check

    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(reverse("bid-check", args=[bid.pk]), follow=True)
    bid.refresh_from_db()
    assert bid.state == BidState.SUBMITTED
    html = submitted.content.decode()
    assert 'class="govuk-panel govuk-panel--confirmation"' in html
    assert "Bid submitted" in html and bid.reference in html and "Version 1" in html
    assert [m.subject for m in mail.outbox] == [f"Bid {bid.reference} received: version 1"]


def test_a_bad_price_keeps_the_answers_and_the_version_the_page_was_opened_at(client, open_tender):
    bid = _draft_bid(client, open_tender)
    page = client.get(reverse("bid-edit", args=[bid.pk])).content.decode()
    assert f'type="hidden" name="version" value="{bid.version}"' in page
    response = client.post(
        reverse("bid-edit", args=[bid.pk]),
        {
            "version": bid.version,
            "action": "save",
            "price": "lots",
            f"q_{method_key(open_tender)}": "Connectors based in the library",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert '<a href="#id_price">' in html
    assert "Connectors based in the library</textarea>" in html
    assert f'type="hidden" name="version" value="{bid.version}"' in html
    bid.refresh_from_db()
    assert bid.draft_price is None
