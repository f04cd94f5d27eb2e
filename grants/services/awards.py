"""After approval: the offer, its acceptance, payments and monitoring."""

from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm_log.models import StateLog

from foundation.templatetags.uk import long_date, pounds
from foundation.transitions import transition_apply
from grants import hooks, notifications
from grants.models import Application, Award, MonitoringReturn, Payment, State
from organisations.selectors import bank_details_payable, membership_for
from social_value.models import Commitment
from social_value.services.commitments import delivery_report

OFFICER = "grants.assess_application"
# Releasing money is the finance team's: a different role from the officers
# who approve (people.roles gives it to finance officers only).
RELEASE = "grants.export_payments"
# A payment's steps, as its audit rows name them.
PAYMENT_DUE, PAYMENT_APPROVED, PAYMENT_PAID = "due", "approved", "paid"


def _member_required(application: Application, user) -> None:
    if membership_for(user=user, organisation=application.organisation) is None:
        raise PermissionDenied("Only members of the organisation can do this.")


@transaction.atomic
def offer_send(
    *,
    application: Application,
    actor,
    starts_on: date,
    ends_on: date,
    payments: list[tuple[date, Decimal]],
    return_dates: list[date],
    terms: str | None = None,
) -> Award:
    """Make the offer: the award, its instalments and its monitoring dates."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    amount = application.approved_amount
    errors = {}
    if ends_on <= starts_on:
        errors["ends_on"] = "The grant must end after it starts."
    if not payments:
        errors["payments"] = "Add at least one payment."
    elif sum((value for _, value in payments), Decimal(0)) != amount:
        errors["payments"] = (
            f"The payments add up to {pounds(sum(v for _, v in payments))}; "
            f"they must add up to the {pounds(amount)} awarded."
        )
    if not return_dates:
        errors["return_dates"] = "Add at least one monitoring return date."
    if errors:
        raise ValidationError(errors)
    # What the apps built on grants require first (finance: due diligence).
    blocked = hooks.offer_send_problems(application)
    if blocked:
        raise ValidationError(blocked)
    transition_apply(application, "send_offer", actor=actor, description="Offer sent")
    application.save()
    award = Award.objects.create(
        application=application,
        amount=amount,
        starts_on=starts_on,
        ends_on=ends_on,
        offer_sent_at=timezone.now(),
        **({"terms": terms} if terms else {}),
    )
    Payment.objects.bulk_create(Payment(award=award, due_on=d, amount=v) for d, v in payments)
    MonitoringReturn.objects.bulk_create(
        MonitoringReturn(award=award, due_on=d) for d in sorted(return_dates)
    )
    hooks.offer_sent(award)
    notifications.applicant_notify(application, "offer")
    return award


@transaction.atomic
def offer_accept(*, application: Application, actor, signed_name: str) -> Award:
    _member_required(application, actor)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not signed_name.strip():
        raise ValidationError({"signed_name": "Type your full name to accept the offer."})
    # What the apps built on grants require first (finance: the agreement signed).
    blocked = hooks.offer_accept_problems(application)
    if blocked:
        raise ValidationError(blocked)
    transition_apply(
        application,
        "accept_offer",
        actor=actor,
        refused="This offer is no longer open.",
        description="Offer accepted",
    )
    application.save()
    award = application.award
    award.accepted_at, award.accepted_by = timezone.now(), actor
    award.accepted_name = signed_name.strip()
    award.save()
    # Social value promised in the application counts from the grant's start.
    if application.submission_id:
        Commitment.objects.filter(submission_id=application.submission_id).update(
            delivery_starts=award.starts_on
        )
    notifications.applicant_notify(application, "accepted")
    return award


@transaction.atomic
def offer_refuse(*, application: Application, actor, reason: str = "") -> Application:
    _member_required(application, actor)
    application = Application.objects.select_for_update().get(pk=application.pk)
    transition_apply(
        application,
        "refuse_offer",
        actor=actor,
        refused="This offer is no longer open.",
        description=reason or "Offer declined by the applicant",
    )
    application.save()
    return application


def _payment_audit(payment: Payment, *, actor, transition: str, source: str, state: str, text: str):
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(Payment),
        object_id=payment.pk,
        by=actor,
        source_state=source,
        state=state,
        transition=transition,
        description=text[:1000],
    )


def _payment_locked(payment: Payment) -> Payment:
    payment = (
        Payment.objects.select_for_update(of=("self",))
        .select_related("award__application__organisation")
        .get(pk=payment.pk)
    )
    if payment.paid_on is not None:
        raise ValidationError("This payment is already marked paid.")
    if payment.award.application.state not in (State.ACCEPTED, State.ACTIVE):
        raise ValidationError("Payments are made once the offer is accepted.")
    return payment


@transaction.atomic
def payment_approve(*, payment: Payment, actor) -> Payment:
    """A grants officer decides an instalment is due to be paid. The finance
    team releases it (finance.services.payments): separated duties, so no
    one person can both approve a payment and send the money."""
    if not actor.has_perm(OFFICER):
        raise PermissionDenied("Only a grants officer approves payments.")
    payment = _payment_locked(payment)
    if payment.approved_at is not None:
        raise ValidationError("This payment is already approved.")
    payment.approved_at, payment.approved_by = timezone.now(), actor
    payment.save(update_fields=["approved_at", "approved_by"])
    _payment_audit(
        payment,
        actor=actor,
        transition="approve_payment",
        source=PAYMENT_DUE,
        state=PAYMENT_APPROVED,
        text=f"Payment approved: {payment}",
    )
    return payment


@transaction.atomic
def payment_mark_paid(*, payment: Payment, actor, paid_on: date, reference: str) -> Payment:
    """Record an approved instalment paid, with the reference the finance
    system gave it. Only the finance team does, never the officer who
    approved it, not while the organisation's bank details are missing or
    changed and not yet verified, and not before every registered step
    (finance: the release) is done. The first payment makes the grant active."""
    if not actor.has_perm(RELEASE):
        raise PermissionDenied("Only the finance team records payments as paid.")
    payment = _payment_locked(payment)
    if not reference.strip():
        raise ValidationError({"reference": "Enter the payment reference."})
    if payment.approved_at is None:
        raise ValidationError(
            "This payment has not been approved: a grants officer approves it, "
            "then another releases it."
        )
    if payment.approved_by_id == actor.pk:
        raise ValidationError("You approved this payment, so someone else must release it.")
    application = payment.award.application
    held = bank_details_payable(organisation=application.organisation)
    if held:
        raise ValidationError(held)
    blocked = hooks.payment_paid_problems(payment)
    if blocked:
        raise ValidationError(blocked)
    payment.paid_on, payment.reference, payment.marked_paid_by = paid_on, reference.strip(), actor
    payment.save()
    _payment_audit(
        payment,
        actor=actor,
        transition="release_payment",
        source=PAYMENT_APPROVED,
        state=PAYMENT_PAID,
        text=f"Payment released: {payment}, paid {long_date(paid_on)}, "
        f"reference {payment.reference}",
    )
    if application.state == State.ACCEPTED:
        transition_apply(
            application, "activate", actor=actor, description=f"First payment {reference.strip()}"
        )
        application.save()
    return payment


@transaction.atomic
def monitoring_return_submit(
    *,
    monitoring_return: MonitoringReturn,
    actor,
    narrative: str,
    spend_to_date: Decimal,
    outcomes: str,
    connections_helped: int,
    delivered: dict[int, tuple[Decimal, str]] | None = None,
) -> MonitoringReturn:
    """File a return; social value delivered is recorded against each commitment."""
    monitoring_return = (
        MonitoringReturn.objects.select_for_update()
        .select_related("award__application__organisation")
        .get(pk=monitoring_return.pk)
    )
    application = monitoring_return.award.application
    _member_required(application, actor)
    if monitoring_return.submitted_at is not None:
        raise ValidationError("This return has already been sent.")
    if application.state != State.ACTIVE:
        raise ValidationError("Returns are filed while the grant is active.")
    errors = {}
    if not narrative.strip():
        errors["narrative"] = "Tell us what happened."
    if spend_to_date is None or spend_to_date < 0:
        errors["spend_to_date"] = "Enter how much of the grant you have spent so far."
    if connections_helped is None:
        errors["connections_helped"] = "Enter a number, or 0."
    if errors:
        raise ValidationError(errors)
    previous = (
        MonitoringReturn.objects.filter(
            award=monitoring_return.award, due_on__lt=monitoring_return.due_on
        )
        .order_by("-due_on")
        .values_list("due_on", flat=True)
        .first()
    )
    period_start = previous or monitoring_return.award.starts_on
    for commitment_id, (quantity, evidence) in (delivered or {}).items():
        commitment = Commitment.objects.get(
            pk=commitment_id, submission_id=application.submission_id
        )
        delivery_report(
            commitment=commitment,
            period_start=period_start,
            period_end=monitoring_return.due_on,
            quantity_delivered=quantity,
            evidence=evidence,
            actor=actor,
        )
    monitoring_return.narrative, monitoring_return.outcomes = narrative.strip(), outcomes.strip()
    monitoring_return.spend_to_date = spend_to_date
    monitoring_return.connections_helped = connections_helped
    monitoring_return.submitted_at, monitoring_return.submitted_by = timezone.now(), actor
    monitoring_return.save()
    return monitoring_return


@transaction.atomic
def monitoring_return_review(*, monitoring_return: MonitoringReturn, actor) -> MonitoringReturn:
    """An officer has read a return sent: it no longer waits on their home."""
    if not actor.has_perm("grants.assess_application"):
        raise PermissionDenied("Only a grants officer reviews monitoring returns.")
    monitoring_return = MonitoringReturn.objects.select_for_update().get(pk=monitoring_return.pk)
    if monitoring_return.submitted_at is None:
        raise ValidationError("This return has not been sent yet.")
    if monitoring_return.reviewed_at is None:  # a second press changes nothing
        monitoring_return.reviewed_at, monitoring_return.reviewed_by = timezone.now(), actor
        monitoring_return.save(update_fields=["reviewed_at", "reviewed_by"])
    return monitoring_return


@transaction.atomic
def grant_complete(*, application: Application, actor) -> Application:
    if not actor.has_perm("grants.assess_application"):
        raise PermissionDenied("Only a grants officer completes a grant.")
    application = Application.objects.select_for_update().get(pk=application.pk)
    award = getattr(application, "award", None)
    if award is not None and award.returns.filter(submitted_at__isnull=True).exists():
        raise ValidationError("Every monitoring return must be in before the grant completes.")
    transition_apply(application, "complete", actor=actor, description="Grant completed")
    application.save()
    return application
