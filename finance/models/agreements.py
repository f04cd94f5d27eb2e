"""The grant agreement: a template staff edit, and each grant's agreement,
made once as a PDF and kept byte for byte, so the document downloaded later
is the document accepted (its SHA-256 fingerprint is stored with the
acceptance)."""

from django.conf import settings
from django.db import models

from foundation.files import PrivateName, private_storage


class AgreementTemplate(models.Model):
    """The words of a grant agreement. The parties, the amount, the payment
    and monitoring schedules and the social value commitments come from the
    grant itself; staff write what surrounds them."""

    name = models.CharField(max_length=200, unique=True)
    title = models.CharField(max_length=200, default="Grant agreement")
    introduction = models.TextField(
        help_text="Opens the agreement, before the parties and the amount."
    )
    conditions = models.TextField(
        help_text="The conditions of the grant, one a paragraph (leave a blank line between)."
    )
    closing = models.TextField(blank=True, help_text="Ends the agreement, before the acceptance.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Agreement(models.Model):
    award = models.OneToOneField("grants.Award", on_delete=models.PROTECT, related_name="agreement")
    document = models.FileField(storage=private_storage, upload_to=PrivateName("agreements"))
    sha256 = models.CharField("SHA-256 fingerprint", max_length=64)
    made_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_name = models.CharField("signed by", max_length=200, blank=True)
    accepted_role = models.CharField("role", max_length=200, blank=True)
    accepted_ip = models.GenericIPAddressField("from the address", null=True, blank=True)
    # The fingerprint of the exact bytes the grantee was shown and accepted.
    accepted_sha256 = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return f"Agreement for {self.award}"

    @property
    def filename(self) -> str:
        return f"grant-agreement-{self.award.application.reference}.pdf"
