"""Reads for the finance pages and the staff home."""

from django.db.models import QuerySet

from finance.models import Claim, ClaimState, PaymentRelease
from grants.models import Payment, State
from organisations.models import BankDetails


def payments_to_release() -> QuerySet:
    """Approved, not released, not paid, on grants accepted or active."""
    return (
        Payment.objects.filter(
            approved_at__isnull=False,
            paid_on__isnull=True,
            release__isnull=True,
            award__application__state__in=[State.ACCEPTED, State.ACTIVE],
        )
        .select_related("award__application__organisation__bank_details", "approved_by")
        .order_by("due_on", "pk")
    )


def claims_to_approve() -> QuerySet:
    return Claim.objects.filter(state=ClaimState.SUBMITTED).select_related(
        "payment__award__application__organisation"
    )


def bank_details_to_verify() -> QuerySet:
    return BankDetails.objects.filter(verified_at__isnull=True).select_related("organisation")


def finance_counts() -> dict[str, int]:
    return {
        "claims": claims_to_approve().count(),
        "release": payments_to_release().count(),
        "export": PaymentRelease.objects.filter(
            exported_at__isnull=True, payment__paid_on__isnull=True
        ).count(),
        "bank": bank_details_to_verify().count(),
    }
