"""An organisation's bank details: entered or changed by one of its admins,
checked by staff before any payment is released to them.

Every change is audited and told by e-mail to the organisation's other
admins (and its contact address), so an account changed by someone who
took over one admin's sign-in does not go unnoticed; and every change holds
the organisation's payments until staff record that they verified it by
telephone. Neither the audit row nor the e-mail holds more than the last
four digits of the account.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_fsm_log.models import StateLog

from foundation.outbox import email_queue
from organisations.models import BankDetails, MembershipRole, Organisation
from organisations.services.membership import organisation_admin_required
from people.models import User

VERIFY = "organisations.verify_bankdetails"
CHANGED, VERIFIED = "changed", "verified"


def _audit(bank_details: BankDetails, *, actor: User, transition: str, state: str, text: str):
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(BankDetails),
        object_id=bank_details.pk,
        by=actor,
        source_state=None,
        state=state,
        transition=transition,
        description=text[:1000],
    )


def _others_tell(bank_details: BankDetails, *, actor: User) -> None:
    organisation = bank_details.organisation
    addresses = list(
        organisation.memberships.filter(role=MembershipRole.ADMIN)
        .exclude(user=actor)
        .values_list("user__email", flat=True)
    )
    if organisation.email:
        addresses.append(organisation.email)
    addresses = [address for address in dict.fromkeys(addresses) if address != actor.email]
    if not addresses:
        return
    context = {
        "bank_details": bank_details,
        "organisation": organisation,
        "actor": actor,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "page_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("bank-details", args=[organisation.pk]),
    }
    email_queue(
        to=addresses,
        subject=f"{organisation.name}'s bank details were changed",
        body=render_to_string("organisations/email/bank_details_changed.txt", context),
        topic="Bank details changed",
    )


@transaction.atomic
def bank_details_save(
    *,
    organisation: Organisation,
    actor: User,
    account_holder: str,
    sort_code: str,
    account_number: str,
) -> BankDetails:
    """Enter or change the account grants are paid into (sort code and
    account number as digits only). Payments wait until staff verify it."""
    organisation_admin_required(
        organisation=organisation,
        actor=actor,
        refused="Only an organisation admin can change its bank details.",
    )
    if not account_holder.strip():
        raise ValidationError({"account_holder": "Enter the name on the account"})
    if not (sort_code.isdigit() and len(sort_code) == 6):
        raise ValidationError({"sort_code": "Enter a valid sort code like 309430"})
    if not (account_number.isdigit() and len(account_number) == 8):
        raise ValidationError({"account_number": "Enter a valid account number like 00733445"})
    bank_details = BankDetails.objects.select_for_update().filter(
        organisation=organisation
    ).first() or BankDetails(organisation=organisation)
    first = bank_details.pk is None
    previous = bank_details.account_number_masked
    bank_details.account_holder = account_holder.strip()
    bank_details.sort_code, bank_details.account_number = sort_code, account_number
    bank_details.changed_at, bank_details.changed_by = timezone.now(), actor
    bank_details.verified_at = bank_details.verified_by = None
    bank_details.verification_note = ""
    bank_details.save()
    _audit(
        bank_details,
        actor=actor,
        transition="bank_details_change",
        state=CHANGED,
        text=(
            f"Bank details entered: account {bank_details.account_number_masked}"
            if first
            else f"Bank details changed: account {previous} is now "
            f"{bank_details.account_number_masked}"
        ),
    )
    _others_tell(bank_details, actor=actor)
    return bank_details


@transaction.atomic
def bank_details_verify(*, bank_details: BankDetails, actor: User, note: str) -> BankDetails:
    """Staff record that they checked the account with the organisation by
    telephone, on a number they already held; its payments can go again."""
    if not actor.has_perm(VERIFY):
        raise PermissionDenied("Only staff who check bank details can verify them.")
    bank_details = BankDetails.objects.select_for_update().get(pk=bank_details.pk)
    if bank_details.is_verified:
        raise ValidationError("These bank details are already verified.")
    if bank_details.changed_by_id == actor.pk:
        raise ValidationError("You entered these bank details, so someone else verifies them.")
    if not note.strip():
        raise ValidationError({"note": "Say how you checked the bank details"})
    bank_details.verified_at, bank_details.verified_by = timezone.now(), actor
    bank_details.verification_note = note.strip()
    bank_details.save(update_fields=["verified_at", "verified_by", "verification_note"])
    _audit(
        bank_details,
        actor=actor,
        transition="bank_details_verify",
        state=VERIFIED,
        text=f"Bank details verified (account {bank_details.account_number_masked}): "
        f"{bank_details.verification_note}",
    )
    return bank_details
