"""The payments file for the finance system: what is approved and waiting
to be paid, and, for a period, what was paid.

The layout, one row a payment, is documented in the README ("Paying
grants"): amounts in pounds as plain numbers with two decimals and dates as
YYYY-MM-DD, so a finance system imports them without reading a format
meant for people. The account is shown masked: finance pays from the
supplier record it keeps, and the last four digits let it check that
record against the account staff verified. Every cell goes through the
same formula-injection guard as the other CSV exports
(social_value.exports), as organisation names and references are typed
by people outside the council.
"""

from datetime import date

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from grants.models import Payment, State
from organisations.models import account_number_mask

HEADER = [
    "Status",
    "Organisation",
    "Organisation identifier",
    "Name on the account",
    "Account number",
    "Bank details verified",
    "Grant reference",
    "Amount (GBP)",
    "Due on",
    "Approved on",
    "Approved by",
    "Paid on",
    "Payment reference",
    "Released by",
]
TO_PAY, PAID = "Approved, to pay", "Paid"


def finance_payments(*, paid_from: date | None = None, paid_to: date | None = None) -> QuerySet:
    """Approved payments not yet paid; and, when a period is given, those
    paid within it (both days included)."""
    waiting = Q(
        approved_at__isnull=False,
        paid_on__isnull=True,
        award__application__state__in=[State.ACCEPTED, State.ACTIVE],
    )
    if paid_from and paid_to:
        waiting |= Q(paid_on__gte=paid_from, paid_on__lte=paid_to)
    return (
        Payment.objects.filter(waiting)
        .select_related(
            "award__application__organisation__bank_details", "approved_by", "marked_paid_by"
        )
        # Paid first, by day paid; then the ones to pay, by due date.
        .order_by(F("paid_on").asc(nulls_last=True), "due_on", "pk")
    )


def _iso(value) -> str:
    return value.isoformat() if value else ""


def finance_rows(payments) -> list[list]:
    rows = []
    for payment in payments:
        organisation = payment.award.application.organisation
        details = getattr(organisation, "bank_details", None)
        rows.append(
            [
                PAID if payment.paid_on else TO_PAY,
                organisation.name,
                organisation.org_id,
                details.account_holder if details else "",
                account_number_mask(details.account_number) if details else "",
                "Yes" if details and details.is_verified else "No",
                payment.award.application.reference,
                f"{payment.amount:.2f}",
                _iso(payment.due_on),
                _iso(timezone.localdate(payment.approved_at) if payment.approved_at else None),
                str(payment.approved_by or ""),
                _iso(payment.paid_on),
                payment.reference,
                str(payment.marked_paid_by or ""),
            ]
        )
    return rows
