"""The key that encrypts bank details can be rotated: a new key put first
encrypts, the old one after it still reads what it encrypted."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from organisations.models import BankDetails
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_a_rotated_key_reads_the_old_values_and_writes_with_the_new(settings):
    settings.FIELD_ENCRYPTION_KEY = OLD
    details = BankDetails.objects.create(
        organisation=OrganisationFactory(),
        account_holder="Canal Side Kitchen",
        sort_code="309430",
        account_number="00733445",
    )
    settings.FIELD_ENCRYPTION_KEY = f"{NEW}, {OLD}"
    details = BankDetails.objects.get(pk=details.pk)
    assert details.account_number == "00733445"
    details.save()  # written again with the new key

    settings.FIELD_ENCRYPTION_KEY = NEW
    assert BankDetails.objects.get(pk=details.pk).account_number == "00733445"


def test_a_lost_key_is_said_plainly(settings):
    settings.FIELD_ENCRYPTION_KEY = OLD
    details = BankDetails.objects.create(
        organisation=OrganisationFactory(),
        account_holder="Canal Side Kitchen",
        sort_code="309430",
        account_number="00733445",
    )
    settings.FIELD_ENCRYPTION_KEY = NEW
    with pytest.raises(ImproperlyConfigured, match="cannot be read with FIELD_ENCRYPTION_KEY"):
        BankDetails.objects.get(pk=details.pk)
    settings.FIELD_ENCRYPTION_KEY = "not a key"
    with pytest.raises(ImproperlyConfigured, match="must be one or more Fernet keys"):
        BankDetails.objects.get(pk=details.pk)
