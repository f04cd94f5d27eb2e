"""Validation a person meets when registering an organisation or a
neighbourhood: each problem refused at its field, with a clear message."""

import pytest
from django.core.exceptions import ValidationError

from neighbourhoods.models import Neighbourhood
from organisations.models import LegalForm, Organisation
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def errors_of(instance) -> dict:
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


def test_malformed_charity_number_is_refused_at_the_field():
    organisation = Organisation(name="Kitchen", legal_form=LegalForm.CHARITY, charity_number="12")
    assert "charity_number" in errors_of(organisation)


def test_malformed_company_number_is_refused_at_the_field():
    organisation = Organisation(name="Co", legal_form=LegalForm.CIC, company_number="X1")
    assert errors_of(organisation)["company_number"] == [
        "Enter a Companies House number of 8 characters, like 01234567 or SC123456."
    ]


def test_cio_needs_a_charity_number_and_cic_a_company_number():
    cio = errors_of(Organisation(name="A", legal_form=LegalForm.CIO))
    cic = errors_of(Organisation(name="B", legal_form=LegalForm.CIC))
    assert "charity number" in cio["charity_number"][0]
    assert "company number" in cic["company_number"][0]


def test_postcode_is_checked_and_tidied():
    organisation = Organisation(name="A", legal_form=LegalForm.MUTUAL, postcode="sw1a1aa")
    organisation.full_clean()
    assert organisation.postcode == "SW1A 1AA"
    bad = Organisation(name="A", legal_form=LegalForm.MUTUAL, postcode="NOT A CODE")
    assert errors_of(bad)["postcode"] == ["Enter a real UK postcode, like SW1A 1AA."]


def test_lived_experience_staff_cannot_exceed_staff():
    organisation = Organisation(
        name="A",
        legal_form=LegalForm.MUTUAL,
        staff_count=2,
        staff_with_lived_experience_count=3,
    )
    assert "staff_with_lived_experience_count" in errors_of(organisation)


def test_the_same_registered_number_cannot_be_registered_twice():
    OrganisationFactory(legal_form=LegalForm.CIO, charity_number="1190001")
    again = Organisation(name="Copy", legal_form=LegalForm.CIO, charity_number="1190001")
    assert "already registered" in errors_of(again)["charity_number"][0]


def test_legal_forms_are_the_fixed_list():
    assert len(LegalForm.choices) == 13
    assert errors_of(Organisation(name="A", legal_form="plc"))["legal_form"]


def test_neighbourhood_boundary_must_be_a_closed_polygon():
    ring = [[-1.5, 52.0], [-1.4, 52.0], [-1.4, 52.1], [-1.5, 52.0]]
    good = Neighbourhood(name="Canal Side", boundary={"type": "Polygon", "coordinates": [ring]})
    good.full_clean()
    open_ring = ring[:-1]
    bad = Neighbourhood(name="Open", boundary={"type": "Polygon", "coordinates": [open_ring]})
    assert "boundary" in errors_of(bad)
    point = Neighbourhood(name="Point", boundary={"type": "Point", "coordinates": [0, 0]})
    assert "boundary" in errors_of(point)


def test_neighbourhood_ons_codes_are_ward_or_lsoa_codes():
    Neighbourhood(name="Heights", ons_codes=["E05011234", "E01000001"]).full_clean()
    bad = Neighbourhood(name="Bad", ons_codes=["E05011234", "ward 7"])
    assert "ward 7" in errors_of(bad)["ons_codes"][0]


def test_neighbourhood_slug_comes_from_its_name():
    neighbourhood = Neighbourhood.objects.create(name="The Heights")
    assert neighbourhood.slug == "the-heights"
