"""The finance team's part: release an approved payment (never one they
approved, never while the organisation's bank details wait to be
verified), export what was released for the finance system, and record
each payment paid with the finance system's reference."""

import csv
import io
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from finance.audit import finance_audit
from finance.models import PaymentRelease
from foundation.templatetags.uk import long_date
from grants.models import Payment, State
from grants.services import awards
from organisations.selectors import bank_details_payable

RELEASE = "finance.release_payment"
PAID_FILE_HEADER = ["Payment number", "Paid on", "Finance reference"]


def payment_number(payment: Payment) -> str:
    """How the export and the finance system's paid-file name a payment."""
    return f"GP{payment.pk:06d}"


def _release_required(actor) -> None:
    if not actor.has_perm(RELEASE):
        raise PermissionDenied("Only the finance team releases payments.")


@transaction.atomic
def payment_release(*, payment: Payment, actor) -> PaymentRelease:
    _release_required(actor)
    payment = (
        Payment.objects.select_for_update(of=("self",))
        .select_related("award__application__organisation")
        .get(pk=payment.pk)
    )
    if payment.approved_at is None:
        raise ValidationError("A grants officer approves a payment before it is released.")
    if payment.approved_by_id == actor.pk:
        raise ValidationError("You approved this payment, so someone else must release it.")
    if payment.paid_on or PaymentRelease.objects.filter(payment=payment).exists():
        raise ValidationError("This payment is already released.")
    if payment.award.application.state not in (State.ACCEPTED, State.ACTIVE):
        raise ValidationError("Payments are made once the offer is accepted.")
    held = bank_details_payable(organisation=payment.award.application.organisation)
    if held:
        raise ValidationError(held)
    release = PaymentRelease.objects.create(
        payment=payment, released_at=timezone.now(), released_by=actor
    )
    finance_audit(
        payment,
        actor=actor,
        transition="release_payment",
        source="approved",
        state="released",
        text=f"Payment {payment_number(payment)} released: {payment}",
    )
    return release


def payment_paid_blockers(payment: Payment) -> list[str]:
    """Registered with grants: a payment is recorded paid only once released."""
    if not PaymentRelease.objects.filter(payment=payment).exists():
        return ["The finance team releases a payment before it is recorded paid."]
    return []


@transaction.atomic
def payments_exported(*, releases, actor, file_kind: str) -> None:
    """Note the releases as sent to the finance system, once each."""
    _release_required(actor)
    now = timezone.now()
    for release in releases:
        if release.exported_at is None:
            PaymentRelease.objects.filter(pk=release.pk).update(exported_at=now)
            finance_audit(
                release.payment,
                actor=actor,
                transition="export_payment",
                source="released",
                state="exported",
                text=f"Payment {payment_number(release.payment)} exported ({file_kind})",
            )


def payment_paid_record(*, payment: Payment, actor, paid_on: date, reference: str) -> Payment:
    _release_required(actor)
    return awards.payment_mark_paid(
        payment=payment, actor=actor, paid_on=paid_on, reference=reference
    )


@transaction.atomic
def paid_file_apply(*, actor, data: bytes) -> list[Payment]:
    """The finance system's paid-file: a CSV with the columns Payment
    number, Paid on (YYYY-MM-DD) and Finance reference. Every line is
    recorded, or, if any line has a problem, none; the problems name their
    lines."""
    _release_required(actor)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError({"paid_file": "The file must be a CSV file in UTF-8"}) from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [cell.strip() for cell in rows[0]] != PAID_FILE_HEADER:
        raise ValidationError(
            {"paid_file": "The file's first line must be: " + ", ".join(PAID_FILE_HEADER)}
        )
    problems, done = [], []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 3:
            problems.append(f"Line {line}: give three values")
            continue
        number, paid_on_text, reference = (cell.strip() for cell in row)
        payment = Payment.objects.filter(
            pk=int(number[2:]) if number[:2] == "GP" and number[2:].isdigit() else 0
        ).first()
        if payment is None:
            problems.append(f"Line {line}: there is no payment {number}")
            continue
        try:
            paid_on = date.fromisoformat(paid_on_text)
        except ValueError:
            problems.append(f"Line {line}: write the date paid like 2027-04-01")
            continue
        try:
            with transaction.atomic():
                done.append(
                    payment_paid_record(
                        payment=payment, actor=actor, paid_on=paid_on, reference=reference
                    )
                )
        except ValidationError as error:
            problems.append(f"Line {line} ({number}): {' '.join(error.messages)}")
    if problems:
        raise ValidationError({"paid_file": problems})
    if not done:
        raise ValidationError({"paid_file": "The file lists no payments"})
    return done


def paid_on_words(payment: Payment) -> str:
    return f"{long_date(payment.paid_on)}, {payment.reference}" if payment.paid_on else ""
