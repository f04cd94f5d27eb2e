"""One organisation, one identifier: numbers are stored in their one form
and compared in it, so formatting never lets a charity register twice."""

import pytest
from django.urls import reverse

from organisations.models import LegalForm, Organisation
from organisations.org_ids import charity_number_normalise, company_number_normalise
from tests.organisations.factories import OrganisationFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0512345", "512345"),
        ("00512345", "512345"),
        (" 512 345 ", "512345"),
        ("GB-CHC-0512345", "512345"),
        ("sc012345", "SC012345"),
        ("gb-nic-100002", "NIC100002"),
    ],
)
def test_a_charity_number_has_one_form(typed, stored):
    assert charity_number_normalise(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1234567", "01234567"), ("01234567", "01234567"), ("GB-COH-01234567", "01234567")],
)
def test_a_company_number_has_one_form(typed, stored):
    assert company_number_normalise(typed) == stored


def test_a_number_saved_without_a_form_is_stored_in_its_one_form():
    organisation = OrganisationFactory(
        legal_form=LegalForm.CIO, charity_number="0512345", postcode="av12cd"
    )
    organisation.refresh_from_db()
    assert (organisation.charity_number, organisation.org_id, organisation.postcode) == (
        "512345",
        "GB-CHC-512345",
        "AV1 2CD",
    )


def _register(client, **numbers):
    data = {
        "name": "Canal Kitchen",
        "legal_form": "cio",
        "staff_count": 1,
        "volunteer_count": 1,
        "staff_with_lived_experience_count": 0,
        **numbers,
    }
    return client.post(reverse("organisation-create"), data)


@pytest.mark.parametrize(
    ("existing", "typed"),
    [
        ({"charity_number": "512345"}, {"charity_number": "0512345"}),
        ({"charity_number": "512345"}, {"charity_number": " 0 512 345 "}),
        (
            {"legal_form": LegalForm.CIC, "company_number": "01234567"},
            {"charity_number": "1190001", "company_number": "1234567"},
        ),
    ],
)
def test_registering_a_number_already_here_in_another_spelling_is_refused(client, existing, typed):
    OrganisationFactory(**{"legal_form": LegalForm.CIO, **existing})
    client.force_login(UserFactory())
    response = _register(client, **typed)
    assert response.status_code == 200
    assert "An organisation with this number is already registered here" in (
        response.content.decode()
    )
    assert not Organisation.objects.filter(name="Canal Kitchen").exists()


def test_a_new_charity_registers_with_its_number_in_one_form(client):
    client.force_login(UserFactory())
    assert _register(client, charity_number="0512345").status_code == 302
    assert Organisation.objects.get(name="Canal Kitchen").org_id == "GB-CHC-512345"
