"""The framework as data, versions kept; commitments valued and tracked."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from people import roles
from social_value.models import Commitment, Framework, FrameworkState, Measure
from social_value.selectors import commitments_delivery, commitments_total
from social_value.services.commitments import commitment_set, delivery_report
from social_value.services.framework import framework_new_version, framework_publish
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory
from tests.social_value.factories import (
    CallFactory,
    FrameworkFactory,
    MeasureFactory,
    OutcomeFactory,
    SubmissionFactory,
    ThemeFactory,
    published_framework,
)

pytestmark = pytest.mark.django_db


def test_a_published_framework_is_frozen():
    framework = FrameworkFactory()
    measure = MeasureFactory(outcome=OutcomeFactory(theme=ThemeFactory(framework=framework)))
    framework_publish(framework=framework, actor=UserFactory())
    measure.refresh_from_db()
    measure.proxy_value = Decimal("99.00")
    with pytest.raises(ValidationError, match="frozen"):
        measure.save()
    with pytest.raises(ValidationError, match="frozen"):
        measure.delete()
    measure.refresh_from_db()
    assert measure.proxy_value == Decimal("15.00")


def test_an_empty_framework_cannot_be_published(client):
    framework = FrameworkFactory()
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR]))
    response = client.post(reverse("framework-publish", args=[framework.pk]), follow=True)
    assert "at least one measure" in response.content.decode()
    framework.refresh_from_db()
    assert framework.state == FrameworkState.DRAFT


def test_a_closed_tender_keeps_the_version_it_was_scored_on():
    v1 = published_framework(VOL="15.00")
    call = CallFactory(framework=v1)
    v2 = framework_new_version(framework=v1, actor=UserFactory())
    assert (v2.version, v2.state, v2.based_on) == (2, FrameworkState.DRAFT, v1)
    new_measure = Measure.objects.get(outcome__theme__framework=v2)
    new_measure.proxy_value = Decimal("20.00")
    new_measure.save()
    call.refresh_from_db()
    assert call.framework == v1
    assert Measure.objects.get(outcome__theme__framework=v1).proxy_value == Decimal("15.00")


def test_only_administrators_publish_frameworks(client):
    framework = FrameworkFactory()
    MeasureFactory(outcome=OutcomeFactory(theme=ThemeFactory(framework=framework)))
    client.force_login(UserFactory(roles=[roles.APPLICANT]))
    assert client.post(reverse("framework-publish", args=[framework.pk])).status_code == 403
    framework.refresh_from_db()
    assert framework.state == FrameworkState.DRAFT
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR]))
    client.post(reverse("framework-publish", args=[framework.pk]))
    framework.refresh_from_db()
    assert framework.state == FrameworkState.PUBLISHED
    page = client.get(reverse("framework-list")).content.decode()
    assert "illustrative" in page.lower()


@pytest.fixture
def bid():
    framework = published_framework(VOL="15.00", JOBS="9000.00")
    submission = SubmissionFactory(call=CallFactory(framework=framework))
    member = MembershipFactory(organisation=submission.organisation)
    return (
        submission,
        member.user,
        {m.code: m for m in Measure.objects.filter(outcome__theme__framework=framework)},
    )


def test_commitments_are_valued_at_quantity_times_proxy(bid):
    submission, applicant, measures = bid
    hours = commitment_set(
        submission=submission,
        measure=measures["VOL"],
        quantity=400,
        evidence_note="Timesheets",
        actor=applicant,
    )
    jobs = commitment_set(
        submission=submission,
        measure=measures["JOBS"],
        quantity=Decimal("3"),
        evidence_note="Contracts",
        actor=applicant,
    )
    assert hours.value == Decimal("6000.00")
    assert jobs.value == Decimal("27000.00")
    assert commitments_total(submission=submission) == Decimal("33000.00")


def test_a_measure_from_another_framework_is_refused(bid):
    submission, applicant, _ = bid
    stranger = Measure.objects.get(outcome__theme__framework=published_framework(X="1.00"))
    with pytest.raises(ValidationError, match="framework this call is scored on"):
        commitment_set(
            submission=submission, measure=stranger, quantity=1, evidence_note="", actor=applicant
        )
    assert not Commitment.objects.exists()


def test_only_the_bidders_own_people_commit(bid):
    submission, _, measures = bid
    with pytest.raises(PermissionDenied):
        commitment_set(
            submission=submission,
            measure=measures["VOL"],
            quantity=1,
            evidence_note="",
            actor=UserFactory(),
        )


def test_delivery_is_compared_with_the_promise(bid):
    submission, applicant, measures = bid
    hours = commitment_set(
        submission=submission,
        measure=measures["VOL"],
        quantity=400,
        evidence_note="Timesheets",
        actor=applicant,
    )
    for start, end, quantity in (
        (date(2027, 1, 1), date(2027, 3, 31), 120),
        (date(2027, 4, 1), date(2027, 6, 30), 150),
    ):
        delivery_report(
            commitment=hours,
            period_start=start,
            period_end=end,
            quantity_delivered=quantity,
            evidence="Timesheets attached",
            actor=applicant,
        )
    [line] = commitments_delivery(submission=submission)
    assert line.delivered == Decimal(270)
    assert line.shortfall == Decimal(130)
    assert line.promised_value == Decimal("6000.00")
    assert line.delivered_value == Decimal("4050.00")


def test_first_year_only_measures_stop_counting_after_a_year(bid):
    submission, applicant, measures = bid
    Framework.objects.filter(pk=submission.call.framework_id).update(state=FrameworkState.DRAFT)
    measures["JOBS"].first_year_only = True
    measures["JOBS"].save()
    jobs = commitment_set(
        submission=submission,
        measure=measures["JOBS"],
        quantity=3,
        evidence_note="Contracts",
        actor=applicant,
    )
    jobs.delivery_starts = date(2027, 1, 1)
    jobs.save()
    delivery_report(
        commitment=jobs,
        period_start=date(2027, 1, 1),
        period_end=date(2027, 6, 30),
        quantity_delivered=2,
        evidence="Contracts",
        actor=applicant,
    )
    delivery_report(
        commitment=jobs,
        period_start=date(2027, 7, 1),
        period_end=date(2028, 3, 31),
        quantity_delivered=1,
        evidence="Contracts",
        actor=applicant,
    )
    [line] = commitments_delivery(submission=submission)
    assert line.delivered == Decimal(2)


def test_a_delivery_period_must_end_after_it_starts(bid):
    submission, applicant, measures = bid
    hours = commitment_set(
        submission=submission,
        measure=measures["VOL"],
        quantity=10,
        evidence_note="",
        actor=applicant,
    )
    with pytest.raises(ValidationError, match="end after it starts"):
        delivery_report(
            commitment=hours,
            period_start=date(2027, 2, 1),
            period_end=date(2027, 1, 1),
            quantity_delivered=1,
            evidence="x",
            actor=applicant,
        )
    assert not hours.delivery_reports.exists()
