"""Paying an instalment as the rules require, for tests about what follows
a payment: the organisation's bank details verified, the payment approved
by a grants officer, then released and recorded paid by the finance team."""

from datetime import date

from django.utils import timezone

from finance.services import payments
from grants.models import Payment
from grants.services import awards
from organisations.models import BankDetails, Organisation
from people import roles
from tests.people.factories import UserFactory


def bank_details_verified(organisation: Organisation) -> BankDetails:
    details, _ = BankDetails.objects.get_or_create(
        organisation=organisation,
        defaults={
            "account_holder": organisation.name[:70],
            "sort_code": "309430",
            "account_number": "00733445",
            "verified_at": timezone.now(),
        },
    )
    return details


def payment_paid(*, payment: Payment, actor, paid_on: date, reference: str) -> Payment:
    """`actor`, a grants officer, approves it (unless someone has); a
    finance officer of its own releases it and records it paid."""
    bank_details_verified(payment.award.application.organisation)
    if payment.approved_at is None:
        awards.payment_approve(payment=payment, actor=actor)
    finance = UserFactory(roles=[roles.FINANCE_OFFICER])
    payments.payment_release(payment=payment, actor=finance)
    return payments.payment_paid_record(
        payment=payment, actor=finance, paid_on=paid_on, reference=reference
    )


def approved_by_another(application) -> None:
    """Every unpaid instalment of this grant approved by a grants officer
    of its own, the organisation's bank details verified: what an officer
    meets when they come to release the payments."""
    bank_details_verified(application.organisation)
    approver = UserFactory(roles=[roles.GRANTS_OFFICER])
    for payment in application.award.payments.filter(approved_at__isnull=True):
        awards.payment_approve(payment=payment, actor=approver)
