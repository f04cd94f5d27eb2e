"""Social value promised and delivered: one rounding rule (half up, to the
penny), years counted by the calendar, and the same table on the grant's
page, the applicant's grant page and the contract's page."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from commissioning.models import Contract
from commissioning.services.tenders import tender_publish
from grants.services import applying, assessment, awards
from people import roles
from social_value.models import Commitment, Framework, FrameworkState, Measure
from social_value.selectors import commitments_delivery, delivery_totals
from social_value.services.commitments import commitment_set, delivery_report
from tests.commissioning.conftest import bid_in, bidder_make, tender_approved, tender_make
from tests.grants.conftest import complete_answers
from tests.grants.factories import RoundFactory
from tests.grants.payments import payment_paid
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory
from tests.social_value.factories import SubmissionFactory, published_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def bid():
    framework = published_framework(VOL="0.25", JOBS="1000.00")
    applicant = MembershipFactory().user
    submission = SubmissionFactory(
        call__framework=framework, organisation=applicant.memberships.get().organisation
    )
    measures = {m.code: m for m in Measure.objects.filter(outcome__theme__framework=framework)}
    return submission, applicant, measures


def test_a_half_penny_is_rounded_up(bid):
    submission, applicant, measures = bid
    hours = commitment_set(
        submission=submission,
        measure=measures["VOL"],
        quantity=Decimal("10.50"),
        evidence_note="Timesheets",
        actor=applicant,
    )
    # 10.50 × £0.25 = £2.625: half up is £2.63 (half to even would say £2.62).
    assert hours.value == Decimal("2.63")
    delivery_report(
        commitment=hours,
        period_start=date(2027, 1, 1),
        period_end=date(2027, 3, 31),
        quantity_delivered=Decimal("0.50"),
        evidence="Timesheets",
        actor=applicant,
    )
    [line] = commitments_delivery(submission=submission)
    assert line.delivered_value == Decimal("0.13")  # 0.50 × £0.25 = £0.125
    assert line.shortfall_value == Decimal("2.50")  # 10.00 × £0.25


@pytest.mark.parametrize(
    ("starts", "report_ends", "counts"),
    [
        # The first year beginning with 1 March 2027 holds 29 February 2028.
        (date(2027, 3, 1), date(2028, 2, 29), True),
        (date(2027, 3, 1), date(2028, 3, 1), False),
        (date(2027, 1, 1), date(2027, 12, 31), True),
        (date(2027, 1, 1), date(2028, 1, 1), False),
        # Begun on a leap day: the first year ends on 28 February.
        (date(2028, 2, 29), date(2029, 2, 28), True),
        (date(2028, 2, 29), date(2029, 3, 1), False),
    ],
)
def test_a_first_year_only_measure_counts_a_calendar_year(bid, starts, report_ends, counts):
    submission, applicant, measures = bid
    Framework.objects.filter(pk=submission.call.framework_id).update(state=FrameworkState.DRAFT)
    Measure.objects.filter(pk=measures["JOBS"].pk).update(first_year_only=True)
    jobs = commitment_set(
        submission=submission,
        measure=Measure.objects.get(pk=measures["JOBS"].pk),
        quantity=3,
        evidence_note="Contracts",
        actor=applicant,
    )
    Commitment.objects.filter(pk=jobs.pk).update(delivery_starts=starts)
    delivery_report(
        commitment=jobs,
        period_start=report_ends - timedelta(days=30),
        period_end=report_ends,
        quantity_delivered=1,
        evidence="Contracts",
        actor=applicant,
    )
    [line] = commitments_delivery(submission=submission)
    assert line.delivered == (Decimal(1) if counts else Decimal(0))


def test_the_years_of_a_commitment_are_calendar_years(bid):
    submission, applicant, measures = bid
    hours = commitment_set(
        submission=submission,
        measure=measures["VOL"],
        quantity=400,
        evidence_note="Timesheets",
        actor=applicant,
    )
    hours.delivery_starts = date(2027, 3, 1)
    assert hours.year_of(date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))
    assert hours.year_of(date(2028, 3, 1)) == (date(2028, 3, 1), date(2029, 2, 28))


def _grant_with_a_report(member, officer):
    grant_round = RoundFactory(call__framework=published_framework(VOL="15.00"))
    measure = Measure.objects.get(outcome__theme__framework=grant_round.call.framework)
    organisation = member.memberships.get().organisation
    application = applying.application_start(
        round_=grant_round, organisation=organisation, actor=member
    )
    application = applying.application_save(
        application=application,
        actor=member,
        expected_version=application.version,
        changes=applying.DraftChanges(
            "Lunch club",
            Decimal("4500"),
            Decimal("25000"),
            complete_answers(),
            {},
            {measure.code: {"quantity": "400", "evidence": "Sheets"}},
        ),
    )
    application = applying.application_submit(application=application, actor=member)
    assessment.eligibility_decide(application=application, actor=officer, eligible=True)
    application = assessment.panel_send(application=application, actor=officer)
    assessment.decisions_record(
        round_=grant_round,
        actor=officer,
        decisions=[assessment.Decision(application.pk, "approve", "Good", Decimal("4500"))],
    )
    start = timezone.localdate()
    award = awards.offer_send(
        application=application,
        actor=officer,
        starts_on=start,
        ends_on=start + timedelta(days=365),
        payments=[(start, Decimal("4500"))],
        return_dates=[start + timedelta(days=180)],
    )
    awards.offer_accept(application=application, actor=member, signed_name="Ali Hassan")
    payment_paid(payment=award.payments.get(), actor=officer, paid_on=start, reference="BACS 9")
    with time_machine.travel(timezone.make_aware(timezone.datetime(2027, 5, 14, 10))):
        [commitment] = application.submission.commitments.all()
        awards.monitoring_return_submit(
            monitoring_return=award.returns.get(),
            actor=member,
            narrative="Going well",
            spend_to_date=Decimal(2000),
            outcomes="More people out",
            connections_helped=12,
            delivered={commitment.pk: (Decimal(150), "Timesheets attached")},
        )
    return application


def test_the_grant_pages_show_promised_and_delivered_side_by_side(client):
    member = MembershipFactory().user
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    application = _grant_with_a_report(member, officer)
    for person, url in (
        (member, reverse("application-detail", args=[application.pk])),
        (officer, reverse("application-manage", args=[application.pk])),
    ):
        client.force_login(person)
        page = client.get(url).content.decode()
        assert "Social value: promised and delivered" in page
        assert "400 hours" in page and "£6,000" in page  # promised: 400 × £15
        assert "150 hours" in page and "£2,250" in page  # delivered so far
        assert "250 hours" in page and "£3,750" in page  # still to deliver
        assert "14 May 2027" in page  # the last report


def test_the_contract_page_shows_promised_and_delivered(client):
    commissioner = UserFactory(roles=[roles.COMMISSIONER])
    tender = tender_make(commissioner, lots=1)
    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    lot = tender.lots.get()
    supplier = bidder_make("Alpha CIC")
    bid = bid_in(lot, supplier)
    framework = published_framework(VOL="15.00")
    submission = SubmissionFactory(
        call__framework=framework, organisation=bid.organisation, reference="T-1"
    )
    type(bid).objects.filter(pk=bid.pk).update(submission=submission)
    hours = commitment_set(
        submission=submission,
        measure=Measure.objects.get(outcome__theme__framework=framework),
        quantity=1000,
        evidence_note="Timesheets",
        actor=supplier,
    )
    with time_machine.travel(timezone.make_aware(timezone.datetime(2027, 9, 30, 10))):
        delivery_report(
            commitment=hours,
            period_start=date(2027, 4, 1),
            period_end=date(2027, 6, 30),
            quantity_delivered=Decimal("333.5"),
            evidence="Timesheets",
            actor=supplier,
        )
    contract = Contract.objects.create(
        lot=lot,
        bid=bid,
        supplier=bid.organisation,
        value=Decimal(400000),
        starts_on=date(2027, 4, 1),
        ends_on=date(2030, 3, 31),
        recorded_by=commissioner,
    )
    url = reverse("contract-detail", args=[contract.pk])
    for person in (commissioner, supplier):
        client.force_login(person)
        page = client.get(url).content.decode()
        assert "1000 hours" in page and "£15,000" in page
        assert "333.50 hours" in page and "£5,002.50" in page
        assert "666.50 hours" in page and "£9,997.50" in page
        assert "30 September 2027" in page
    client.force_login(bidder_make("Someone else"))
    assert client.get(url).status_code == 403
    assert delivery_totals(commitments_delivery(submission=submission))["shortfall"] == Decimal(
        "9997.50"
    )
