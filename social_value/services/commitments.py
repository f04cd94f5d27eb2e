"""Social value commitments and the delivery reported against them."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from organisations.selectors import membership_for
from social_value.models import Commitment, DeliveryReport, Measure, Submission


def _acts_for(submission: Submission, user) -> None:
    if membership_for(user=user, organisation=submission.organisation) is None:
        raise PermissionDenied("Only the organisation's own members can do this.")


@transaction.atomic
def commitment_set(
    *, submission: Submission, measure: Measure, quantity, evidence_note: str, actor
) -> Commitment:
    _acts_for(submission, actor)
    commitment = Commitment.objects.filter(submission=submission, measure=measure).first()
    commitment = commitment or Commitment(submission=submission, measure=measure)
    commitment.quantity = quantity
    commitment.evidence_note = evidence_note
    commitment.full_clean()
    commitment.save()
    return commitment


@transaction.atomic
def delivery_report(
    *, commitment: Commitment, period_start, period_end, quantity_delivered, evidence: str, actor
) -> DeliveryReport:
    _acts_for(commitment.submission, actor)
    report = DeliveryReport(
        commitment=commitment,
        period_start=period_start,
        period_end=period_end,
        quantity_delivered=quantity_delivered,
        evidence=evidence,
        reported_by=actor,
    )
    report.full_clean()
    report.save()
    return report
