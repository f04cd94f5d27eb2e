"""A grantee claims an instalment with what it spent, line by line of its
budget, and the evidence; a grants officer approves the claim (which
approves the payment) or returns it saying why."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from finance.audit import finance_audit
from finance.budget import budget_lines
from finance.models import Claim, ClaimLine, ClaimState
from foundation.outbox import email_queue
from foundation.templatetags.uk import pounds
from grants.models import Payment, State
from grants.services import awards
from organisations.selectors import membership_for

OFFICER = "grants.assess_application"
EVIDENCE_TYPES = ["pdf", "jpg", "png", "docx", "xlsx", "odt", "ods"]
EVIDENCE_MB = 10


@transaction.atomic
def claim_submit(*, payment: Payment, actor, spend: dict[str, Decimal], evidence) -> Claim:
    """Claim an instalment: the spend on each budget line adds up to it."""
    payment = (
        Payment.objects.select_for_update(of=("self",))
        .select_related("award__application__organisation", "award__application__round")
        .get(pk=payment.pk)
    )
    application = payment.award.application
    if membership_for(user=actor, organisation=application.organisation) is None:
        raise PermissionDenied("Only members of the organisation can claim its grant.")
    if application.state not in (State.ACCEPTED, State.ACTIVE):
        raise ValidationError("You can claim once you have accepted the offer.")
    if payment.paid_on or payment.approved_at:
        raise ValidationError("This instalment is already approved.")
    lines = {item for item, _ in budget_lines(application)}
    spend = {item: amount for item, amount in spend.items() if amount}
    errors = {}
    if set(spend) - lines:
        errors["__all__"] = "Claim only against the lines of your budget."
    total = sum(spend.values(), Decimal(0))
    if total != payment.amount:
        errors["__all__"] = (
            f"Your spend adds up to {pounds(total)}; it must add up to the "
            f"{pounds(payment.amount)} you are claiming."
        )
    if evidence is None:
        errors["evidence"] = "Upload your evidence of spend, such as invoices or receipts"
    if errors:
        raise ValidationError(errors)
    claim = Claim(payment=payment, submitted_by=actor, evidence_name=evidence.name[:255])
    claim.evidence.save(evidence.name, evidence, save=False)
    try:
        with transaction.atomic():
            claim.save()
    except IntegrityError:
        raise ValidationError("This instalment has already been claimed.") from None
    ClaimLine.objects.bulk_create(
        ClaimLine(claim=claim, item=item, amount=amount) for item, amount in spend.items()
    )
    finance_audit(
        claim,
        actor=actor,
        transition="claim_submit",
        source="",
        state=ClaimState.SUBMITTED,
        text=f"Claim of {pounds(total)} for {payment}",
    )
    return claim


def _claim_locked(claim: Claim, actor) -> Claim:
    if not actor.has_perm(OFFICER):
        raise PermissionDenied("Only a grants officer decides a claim.")
    claim = (
        Claim.objects.select_for_update(of=("self",))
        .select_related("payment__award__application__organisation")
        .get(pk=claim.pk)
    )
    if claim.state != ClaimState.SUBMITTED:
        raise ValidationError("This claim has already been decided.")
    return claim


@transaction.atomic
def claim_approve(*, claim: Claim, actor) -> Claim:
    """Approving the claim approves its payment; the finance team releases it."""
    claim = _claim_locked(claim, actor)
    awards.payment_approve(payment=claim.payment, actor=actor)
    claim.state, claim.decided_at, claim.decided_by = ClaimState.APPROVED, timezone.now(), actor
    claim.save()
    finance_audit(
        claim,
        actor=actor,
        transition="claim_approve",
        source=ClaimState.SUBMITTED,
        state=ClaimState.APPROVED,
        text=f"Claim approved: {claim.payment}",
    )
    return claim


@transaction.atomic
def claim_return(*, claim: Claim, actor, reason: str) -> Claim:
    """Send a claim back, saying what to change; the grantee claims again."""
    claim = _claim_locked(claim, actor)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the claim is returned"})
    claim.state, claim.decided_at, claim.decided_by = ClaimState.RETURNED, timezone.now(), actor
    claim.return_reason = reason.strip()
    claim.save()
    finance_audit(
        claim,
        actor=actor,
        transition="claim_return",
        source=ClaimState.SUBMITTED,
        state=ClaimState.RETURNED,
        text=f"Claim returned: {claim.return_reason}",
    )
    application = claim.payment.award.application
    addresses = list(application.organisation.memberships.values_list("user__email", flat=True))
    if addresses:
        email_queue(
            to=addresses,
            subject=f"Your claim for {application.reference} was returned",
            body=f"Your claim for the payment of {pounds(claim.payment.amount)} was returned "
            f"to you:\n\n{claim.return_reason}\n\nClaim again from your grant's page.",
            topic="Claim returned",
        )
    return claim


def claim_readable_by(claim: Claim, user) -> bool:
    organisation = claim.payment.award.application.organisation
    if membership_for(user=user, organisation=organisation) is not None:
        return True
    return user.has_perm(OFFICER) or user.has_perm("finance.release_payment")
