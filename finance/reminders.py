"""Reminders of money waiting on someone: claims waiting for a grants
officer's approval, approved payments waiting for the finance team's
release, and changed bank details waiting to be verified. Each goes once to
each person who can act on it (the engine's unique row per kind, person,
subject and date)."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from finance.selectors import bank_details_to_verify, claims_to_approve, payments_to_release
from foundation.templatetags.uk import pounds
from people.models import User
from reminders.registry import Due, absolute, reminder_kind


def holders(dotted: str) -> list[int]:
    """Active people holding a permission through a role or directly."""
    app_label, codename = dotted.split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None:
        return []
    return list(
        User.objects.filter(is_active=True)
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .values_list("pk", flat=True)
        .distinct()
    )


@reminder_kind("finance_claim_waiting", essential=True)
def claims_waiting(now):
    claims = list(claims_to_approve())
    officers = holders("grants.assess_application") if claims else []
    for claim in claims:
        application = claim.payment.award.application
        link = reverse("finance:grant", args=[application.pk])
        for user_id in officers:
            yield Due(
                kind="finance_claim_waiting",
                recipient_id=user_id,
                subject=claim,
                due_on=timezone.localdate(claim.submitted_at),
                subject_line=f"Claim waiting for approval: {application.reference}",
                body=f"{application.organisation.name} claimed {pounds(claim.payment.amount)} "
                f"for {application.reference}. Approve it or return it.\n\n" + absolute(link),
                link=link,
            )


@reminder_kind("finance_release_waiting", essential=True)
def payments_waiting(now):
    payments = list(payments_to_release())
    finance = holders("finance.release_payment") if payments else []
    link = reverse("finance:payments")
    for payment in payments:
        application = payment.award.application
        for user_id in finance:
            if user_id == payment.approved_by_id:
                continue  # they approved it, so they cannot release it
            yield Due(
                kind="finance_release_waiting",
                recipient_id=user_id,
                subject=payment,
                due_on=timezone.localdate(payment.approved_at),
                subject_line=f"Payment waiting for release: {application.reference}",
                body=f"The payment of {pounds(payment.amount)} to "
                f"{application.organisation.name} is approved and waiting to be released.\n\n"
                + absolute(link),
                link=link,
            )


@reminder_kind("finance_bank_details_waiting", essential=True)
def bank_details_waiting(now):
    waiting = list(bank_details_to_verify())
    checkers = holders("organisations.verify_bankdetails") if waiting else []
    link = reverse("bank-details-to-verify")
    for details in waiting:
        for user_id in checkers:
            if user_id == details.changed_by_id:
                continue
            yield Due(
                kind="finance_bank_details_waiting",
                recipient_id=user_id,
                subject=details,
                due_on=timezone.localdate(details.changed_at),
                # The account's last four digits at most, as every e-mail.
                subject_line=f"Bank details to verify: {details.organisation.name}",
                body=f"{details.organisation.name}'s bank details were entered or changed "
                f"(account {details.account_number_masked}). Their payments are held until "
                "you ring the organisation on a number you already hold and record it.\n\n"
                + absolute(link),
                link=link,
            )
