"""Released payments for the finance system, in two layouts.

The CSV (documented in the README, "Paying grants"): one row a payment,
amounts as plain numbers with two decimals, dates as YYYY-MM-DD, every
cell through the formula-injection guard of the other CSV exports. This
and the BACS file are the only places a whole sort code and account number
leave the system: the finance system pays into them.

The BACS Standard 18 file: fixed-width records of 100 characters, each
line ended by CR LF, in the characters BACS accepts (A–Z, 0–9, space and
. / & -). One credit record a payment, then one contra record debiting the
council's account with the total:

    positions  length  data record                     contra record
    1–6        6       payee's sort code               council's sort code
    7–14       8       payee's account number          council's account number
    15         1       account type, 0                 0
    16–17      2       transaction code 99 (credit)    17 (debit contra)
    18–23      6       council's sort code             council's sort code
    24–31      8       council's account number        council's account number
    32–35      4       free, spaces                    spaces
    36–46      11      amount in pence, zero-filled    total in pence
    47–64      18      council's name                  "CONTRA"
    65–82      18      payment reference (GP000123)    "GRANT PAYMENTS"
    83–100     18      payee's account name            council's name

The council's own account, name and sort code are settings
(FINANCE_BACS_SORT_CODE, FINANCE_BACS_ACCOUNT_NUMBER, FINANCE_BACS_NAME).
"""

import re
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from finance.models import PaymentRelease
from finance.services.payments import payment_number

CSV_HEADER = [
    "Payment number",
    "Organisation",
    "Organisation identifier",
    "Name on the account",
    "Sort code",
    "Account number",
    "Grant reference",
    "Amount (GBP)",
    "Due on",
    "Approved by",
    "Released on",
    "Released by",
]


def releases_to_export(*, include_exported: bool = False) -> QuerySet:
    """Payments released and not yet paid (and, unless asked, not yet
    exported), held back while their organisation's bank details wait to be
    verified."""
    releases = PaymentRelease.objects.filter(
        payment__paid_on__isnull=True,
        payment__award__application__organisation__bank_details__verified_at__isnull=False,
    )
    if not include_exported:
        releases = releases.filter(exported_at__isnull=True)
    return releases.select_related(
        "payment__award__application__organisation__bank_details",
        "payment__approved_by",
        "released_by",
    ).order_by("released_at", "pk")


def export_total(releases) -> Decimal:
    return sum((release.payment.amount for release in releases), Decimal(0))


def csv_rows(releases) -> list[list]:
    rows = []
    for release in releases:
        payment = release.payment
        application = payment.award.application
        details = application.organisation.bank_details
        rows.append(
            [
                payment_number(payment),
                application.organisation.name,
                application.organisation.org_id,
                details.account_holder,
                details.sort_code,
                details.account_number,
                application.reference,
                f"{payment.amount:.2f}",
                payment.due_on.isoformat(),
                str(payment.approved_by or ""),
                timezone.localdate(release.released_at).isoformat(),
                str(release.released_by),
            ]
        )
    return rows


def _bacs_text(value: str, width: int) -> str:
    """Upper case, only BACS characters, cut and padded to the width."""
    cleaned = re.sub(r"[^A-Z0-9 ./&-]", " ", value.upper())
    return cleaned[:width].ljust(width)


def _pence(amount: Decimal) -> str:
    return f"{int(amount * 100):011d}"


def _record(*, sort_code, account, code, pence, name, reference, account_name) -> str:
    origin_sort = settings.FINANCE_BACS_SORT_CODE
    origin_account = settings.FINANCE_BACS_ACCOUNT_NUMBER
    record = (
        f"{sort_code}{account}0{code}{origin_sort}{origin_account}    {pence}"
        f"{_bacs_text(name, 18)}{_bacs_text(reference, 18)}{_bacs_text(account_name, 18)}"
    )
    if len(record) != 100:  # a wrong width would shift every field after it
        raise ValueError("A BACS record is 100 characters: check the council's account settings.")
    return record


def bacs_file(releases) -> bytes:
    origin_name = settings.FINANCE_BACS_NAME
    lines = []
    for release in releases:
        details = release.payment.award.application.organisation.bank_details
        lines.append(
            _record(
                sort_code=details.sort_code,
                account=details.account_number,
                code="99",
                pence=_pence(release.payment.amount),
                name=origin_name,
                reference=payment_number(release.payment),
                account_name=details.account_holder,
            )
        )
    lines.append(
        _record(
            sort_code=settings.FINANCE_BACS_SORT_CODE,
            account=settings.FINANCE_BACS_ACCOUNT_NUMBER,
            code="17",
            pence=_pence(export_total(releases)),
            name="CONTRA",
            reference="GRANT PAYMENTS",
            account_name=origin_name,
        )
    )
    return ("\r\n".join(lines) + "\r\n").encode("ascii")
