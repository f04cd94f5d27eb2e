import pytest
from django.core.exceptions import ValidationError

from organisations.models import LegalForm
from organisations.org_ids import (
    charity_number_normalise,
    company_number_normalise,
    org_id_derive,
)
from tests.organisations.factories import OrganisationFactory


def derive(charity="", company="", local_id="ORG-7"):
    return org_id_derive(
        charity_number=charity, company_number=company, publisher="ashbyvale", local_id=local_id
    )


@pytest.mark.parametrize(
    ("charity", "company", "expected"),
    [
        ("1190001", "", "GB-CHC-1190001"),
        ("512345", "", "GB-CHC-512345"),
        ("SC012345", "", "GB-SC-SC012345"),
        ("sc 012345", "", "GB-SC-SC012345"),
        ("NIC100002", "", "GB-NIC-100002"),
        ("", "01234567", "GB-COH-01234567"),
        ("", "00012345", "GB-COH-00012345"),
        ("", "1234567", "GB-COH-01234567"),
        ("", "SC123456", "GB-COH-SC123456"),
        ("", "ni 012345", "GB-COH-NI012345"),
        # A charitable company is known by its charity number first.
        ("1190001", "09876543", "GB-CHC-1190001"),
        ("", "", "360G-ashbyvale-ORG-7"),
    ],
)
def test_org_id_follows_each_register_scheme(charity, company, expected):
    assert derive(charity, company) == expected


@pytest.mark.parametrize("number", ["12345", "12345678", "SC12345", "NIC12345", "ABC", "12-34"])
def test_malformed_charity_number_refused(number):
    with pytest.raises(ValidationError) as error:
        charity_number_normalise(number)
    assert "1234567 (England and Wales)" in error.value.messages[0]


@pytest.mark.parametrize("number", ["123456789", "S1234567", "SC12345", "00000000", "AB-12345"])
def test_malformed_company_number_refused(number):
    with pytest.raises(ValidationError) as error:
        company_number_normalise(number)
    assert "8 characters" in error.value.messages[0]


def test_company_number_leading_zeros_are_kept_never_stripped():
    assert company_number_normalise("00123456") == "00123456"
    assert company_number_normalise("123456") == "00123456"


@pytest.mark.django_db
def test_stored_organisation_carries_its_derived_org_id():
    charity = OrganisationFactory(legal_form=LegalForm.CIO, charity_number="1190001")
    company = OrganisationFactory(legal_form=LegalForm.CIC, company_number="00987654")
    group = OrganisationFactory(legal_form=LegalForm.UNINCORPORATED_GROUP)
    charity.refresh_from_db()
    company.refresh_from_db()
    group.refresh_from_db()
    assert charity.org_id == "GB-CHC-1190001"
    assert company.org_id == "GB-COH-00987654"
    assert group.org_id == f"360G-commonground-ORG-{group.pk}"


@pytest.mark.django_db
def test_org_id_follows_a_corrected_number():
    organisation = OrganisationFactory(legal_form=LegalForm.CIC, company_number="00987654")
    organisation.company_number = "SC654321"
    organisation.save()
    organisation.refresh_from_db()
    assert organisation.org_id == "GB-COH-SC654321"
