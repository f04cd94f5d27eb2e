"""The rules a commissioner and a bidder rely on."""

import zoneinfo
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from commissioning.models import Bid, BidState, Lot, Tender, TenderState
from commissioning.services.bids import bid_save, bid_submit, bid_withdraw
from commissioning.services.tenders import (
    clarification_ask,
    clarification_publish,
    tender_approve,
    tender_cancel,
    tender_publish,
    tender_send_for_approval,
)
from organisations.models import Organisation
from tests.commissioning.conftest import (
    bid_in,
    bidder_make,
    method_key,
    tender_approved,
    tender_make,
)
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


def live(tender, commissioner):
    tender_approved(tender, commissioner)
    return tender_publish(tender=tender, actor=commissioner)


def test_a_tender_without_an_options_appraisal_cannot_be_approved(commissioner):
    tender = tender_make(commissioner, appraisal=False)
    with pytest.raises(ValidationError, match="without an options appraisal"):
        tender_send_for_approval(tender=tender, actor=commissioner)
    tender.refresh_from_db()
    assert tender.state == TenderState.DRAFT


def test_weights_without_ten_percent_social_value_are_refused(tender, commissioner):
    social = tender.call.criteria.get(is_social_value=True)
    method = tender.call.criteria.get(title="Method")
    social.weight, method.weight = Decimal(5), Decimal(65)
    social.save()
    method.save()
    with pytest.raises(ValidationError, match="a tender needs at least 10%"):
        tender_send_for_approval(tender=tender, actor=commissioner)
    tender.refresh_from_db()
    assert tender.state == TenderState.DRAFT


def test_only_commissioners_approve(tender, commissioner):
    tender_send_for_approval(tender=tender, actor=commissioner)
    with pytest.raises(PermissionDenied):
        tender_approve(tender=tender, actor=UserFactory(), reason="Looks fine")


@pytest.mark.parametrize(
    "deadline",
    [datetime(2027, 1, 20, 12, 0, tzinfo=LONDON), datetime(2027, 6, 20, 12, 0, tzinfo=LONDON)],
    ids=["GMT", "BST"],
)
def test_late_bid_refused_at_the_deadline_second(commissioner, deadline):
    with time_machine.travel(deadline - timedelta(days=10), tick=False):
        tender = live(tender_make(commissioner, deadline=deadline), commissioner)
        early = bid_in(tender.lots.first(), bidder_make("Early"), Decimal(100))
        late_user = bidder_make("Late")
        late = Bid.objects.get(pk=bid_in(tender.lots.last(), late_user, Decimal(90)).pk)
        bid_save(
            bid=late,
            actor=late_user,
            expected_version=late.version,
            answers={method_key(tender): "A better version"},
            price=Decimal(80),
            files={},
        )
    with time_machine.travel(deadline - timedelta(seconds=1), tick=False):
        bid_submit(
            bid=Bid.objects.get(pk=early.pk), actor=early.organisation.memberships.get().user
        )
    with time_machine.travel(deadline, tick=False), pytest.raises(ValidationError) as error:
        bid_submit(bid=Bid.objects.get(pk=late.pk), actor=late_user)
    # Wednesday 20 January 2027 (GMT) or Sunday 20 June 2027 (BST), UK time either way.
    expected = f"Bids closed at midday on {deadline:%A} 20 {deadline:%B} 2027."
    assert expected in error.value.messages[0]
    late.refresh_from_db()
    assert [v.price for v in late.versions.all()] == [Decimal(90)]  # the in-time version stays
    assert early.versions.count() == 2


def test_resubmission_keeps_every_version_and_the_last_counts(tender, commissioner):
    live(tender, commissioner)
    user = bidder_make()
    bid = bid_in(tender.lots.first(), user, Decimal(500))
    bid = Bid.objects.get(pk=bid.pk)
    bid = bid_save(
        bid=bid,
        actor=user,
        expected_version=bid.version,
        answers={method_key(tender): "Revised"},
        price=Decimal(450),
        files={},
    )
    bid_submit(bid=bid, actor=user)
    assert [v.price for v in bid.versions.order_by("number")] == [Decimal(500), Decimal(450)]
    bid.refresh_from_db()
    assert bid.state == BidState.SUBMITTED


def test_withdrawal_only_before_the_deadline(tender, commissioner):
    live(tender, commissioner)
    user = bidder_make()
    bid = bid_in(tender.lots.first(), user)
    with (
        time_machine.travel(tender.submission_deadline + timedelta(minutes=1)),
        pytest.raises(ValidationError),
    ):
        bid_withdraw(bid=bid, actor=user)
    bid_withdraw(bid=bid, actor=user)
    bid.refresh_from_db()
    assert bid.state == BidState.WITHDRAWN


def test_clarifications_are_published_anonymised_to_every_interested_bidder(
    tender, commissioner, django_capture_on_commit_callbacks
):
    live(tender, commissioner)
    asker, other = bidder_make("Asker CIC"), bidder_make("Other Co-op")
    organisation = Organisation.objects.get(name="Asker CIC")
    question = clarification_ask(
        tender=tender,
        organisation=organisation,
        actor=asker,
        question="Asker CIC wants to know: is TUPE in scope?",
    )
    bid_in(tender.lots.first(), other)  # bidding registers interest
    with django_capture_on_commit_callbacks(execute=True):
        clarification_publish(
            clarification=question,
            actor=commissioner,
            published_question="Is TUPE in scope?",
            answer="Yes, for 12 staff.",
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([asker.email, other.email])
    assert all("Asker CIC" not in m.body for m in mail.outbox)
    page = reverse("tender-public", args=[tender.pk])
    from django.test import Client

    body = Client().get(page).content.decode()
    assert "Is TUPE in scope?" in body and "Asker CIC wants" not in body


def test_questions_refused_after_the_clarification_deadline(tender, commissioner):
    live(tender, commissioner)
    user = bidder_make()
    with time_machine.travel(tender.clarification_deadline), pytest.raises(ValidationError):
        clarification_ask(
            tender=tender,
            organisation=user.memberships.get().organisation,
            actor=user,
            question="Too late?",
        )


def test_cancelling_needs_a_reason_that_is_published(client, tender, commissioner):
    live(tender, commissioner)
    with pytest.raises(ValidationError):
        tender_cancel(tender=tender, actor=commissioner, reason=" ")
    tender_cancel(tender=tender, actor=commissioner, reason="The service is brought in-house.")
    body = client.get(reverse("tender-public", args=[tender.pk])).content.decode()
    assert "This tender is cancelled." in body and "brought in-house" in body


def test_bounded_queries_for_500_tenders_and_5000_bids(
    client, commissioner, django_assert_max_num_queries
):
    template = tender_make(commissioner, lots=1)
    owner = bidder_make("Bulk bidder")
    organisation = owner.memberships.get().organisation
    tenders = Tender.objects.bulk_create(
        Tender(
            commission=template.commission,
            title=f"Tender {n}",
            description="x",
            estimated_value=1,
            procedure="open",
            clarification_deadline=template.clarification_deadline,
            submission_deadline=template.submission_deadline,
            expected_award=template.expected_award,
            contract_starts=template.contract_starts,
            contract_ends=template.contract_ends,
            call=template.call
            if n == 0
            else type(template.call).objects.create(
                title=f"Call {n}", kind="tender", framework=template.call.framework
            ),
        )
        for n in range(1, 500)
    )
    lot = template.lots.get()
    others = Organisation.objects.bulk_create(
        Organisation(name=f"Bidder {n}", legal_form="cic", org_id=f"360G-bulk-{n}")
        for n in range(5000)
    )
    Bid.objects.bulk_create(
        Bid(
            tender=template,
            lot=lot,
            organisation=o,
            reference=f"BULK-{n:05d}",
            state=BidState.SUBMITTED,
        )
        for n, o in enumerate(others)
    )
    Lot.objects.bulk_create(
        Lot(tender=t, number=1, title="Only", estimated_value=1) for t in tenders
    )
    client.force_login(commissioner)
    with django_assert_max_num_queries(12):
        pipeline = client.get(reverse("commissioning-pipeline"))
    assert pipeline.status_code == 200
    assert pipeline.content.decode().count('href="/commissioning/manage/tenders/') == 200
    with django_assert_max_num_queries(20):
        page = client.get(reverse("tender-manage", args=[template.pk]))
    assert page.content.decode().count("BULK-") == 5000
    assert organisation  # the bulk bidder exists beside the 5,000


def test_beat_closes_tenders_at_the_deadline(tender, commissioner):
    from commissioning.tasks import tenders_close
    from config.celery_app import app

    live(tender, commissioner)
    assert "commissioning.tasks.tenders_close" in {
        entry["task"] for entry in app.conf.beat_schedule.values()
    }
    assert tenders_close.delay().get() == []
    with time_machine.travel(tender.submission_deadline):
        assert tenders_close.delay().get() == [tender.pk]
    tender.refresh_from_db()
    assert tender.state == TenderState.CLOSED


def test_expressions_of_interest_are_recorded_against_the_commission(client, tender, commissioner):
    organisation = bidder_make("Right to Challenge Group").memberships.get().organisation
    client.force_login(commissioner)
    url = reverse("commission-interest", args=[tender.commission_id])
    client.post(url, {"organisation": organisation.pk, "summary": ""})
    assert not tender.commission.expressions_of_interest.exists()
    client.post(url, {"organisation": organisation.pk, "summary": "We could run it ourselves"})
    page = client.get(reverse("commission-detail", args=[tender.commission_id]))
    assert "We could run it ourselves" in page.content.decode()


def test_the_appraisal_page_shows_the_assets_already_in_those_neighbourhoods(
    client, tender, commissioner
):
    from assets.models import Asset, AssetKind, AssetStatus
    from tests.neighbourhoods.factories import NeighbourhoodFactory

    millfield, elsewhere = NeighbourhoodFactory(name="Millfield"), NeighbourhoodFactory()
    tender.commission.neighbourhoods.add(millfield)
    centre = Asset.objects.create(kind=AssetKind.BUILDING_OR_LAND, name="Millfield Centre")
    centre.neighbourhoods.add(millfield)
    lost = Asset.objects.create(
        kind=AssetKind.SERVICE, name="Closed day centre", status=AssetStatus.LOST
    )
    lost.neighbourhoods.add(millfield)
    far = Asset.objects.create(kind=AssetKind.GREEN_SPACE, name="Far Park")
    far.neighbourhoods.add(elsewhere)
    client.force_login(commissioner)
    page = client.get(reverse("commission-detail", args=[tender.commission_id])).content.decode()
    assert "Millfield Centre" in page
    assert "Closed day centre" not in page and "Far Park" not in page
