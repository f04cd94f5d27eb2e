"""Where an organisation's grant is paid: its bank account, kept encrypted
and shown masked. A change holds every payment to the organisation until a
member of staff has checked it with the organisation by telephone, on a
number already known to them: a changed bank account is the commonest
grant fraud."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from foundation.encryption import EncryptedCharField


def account_number_mask(account_number: str) -> str:
    """The last four digits only: enough to recognise the account."""
    return f"****{account_number[-4:]}" if account_number else ""


def sort_code_display(sort_code: str) -> str:
    return f"{sort_code[0:2]}-{sort_code[2:4]}-{sort_code[4:6]}" if sort_code else ""


class BankDetails(models.Model):
    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="bank_details"
    )
    # The organisation's own account, as the bank names it: a grant is paid
    # to the organisation, never into a person's account.
    account_holder = models.CharField("name on the account", max_length=70)
    # Six digits and eight digits, with no spaces or dashes, encrypted.
    sort_code = EncryptedCharField(plain_max_length=6)
    account_number = EncryptedCharField(plain_max_length=8)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    # Cleared by every change: payments wait until staff have checked it.
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verification_note = models.CharField("how it was checked", max_length=300, blank=True)

    class Meta:
        verbose_name = "bank details"
        verbose_name_plural = "bank details"
        permissions = [("verify_bankdetails", "Can verify an organisation's bank details")]

    def __str__(self):
        return f"{self.organisation}: account {self.account_number_masked}"

    @property
    def account_number_masked(self) -> str:
        return account_number_mask(self.account_number)

    @property
    def sort_code_display(self) -> str:
        return sort_code_display(self.sort_code)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None
