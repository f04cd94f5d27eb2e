"""An organisation serves several neighbourhoods: its admin ticks each one
on the organisation's page, an officer can change them in the staff
screens, and the organisation is listed on every neighbourhood it serves."""

import re

import pytest
from django.urls import reverse

from organisations.models import LegalForm, MembershipRole
from people import roles
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def details(organisation, **changes) -> dict:
    """What the organisation form posts for `organisation` as it stands."""
    return {
        "name": organisation.name,
        "legal_form": organisation.legal_form,
        "staff_count": "2",
        "volunteer_count": "12",
        "staff_with_lived_experience_count": "1",
        "postcode": organisation.postcode,
        **changes,
    }


@pytest.fixture
def places():
    return [
        NeighbourhoodFactory(name="Canal Side"),
        NeighbourhoodFactory(name="Old Town"),
        NeighbourhoodFactory(name="The Heights"),
    ]


def test_the_admin_ticks_two_neighbourhoods_and_the_page_shows_both(client, places):
    canal, old_town, heights = places
    admin = MembershipFactory(
        role=MembershipRole.ADMIN,
        organisation=OrganisationFactory(
            name="Canal Side Kitchen", legal_form=LegalForm.CIO, charity_number="1234567"
        ),
    )
    organisation = admin.organisation
    organisation.neighbourhoods.set([heights])
    client.force_login(admin.user)
    edit = reverse("organisation-edit", args=[organisation.pk])

    form = client.get(edit).content.decode()
    # Boxes to tick, one per neighbourhood, not radio buttons that allow one.
    ticked = re.findall(r'<input[^>]*name="neighbourhoods"[^>]*>', form)
    assert len(ticked) == 3
    assert all('type="checkbox"' in box for box in ticked)
    assert 'type="radio"' not in "".join(ticked)
    assert "Neighbourhoods your organisation serves" in form
    assert "Select all that apply." in form

    response = client.post(
        edit,
        details(
            organisation,
            charity_number="1234567",
            neighbourhoods=[str(canal.pk), str(old_town.pk)],
        ),
    )

    assert response.status_code == 302, response.content.decode()
    assert sorted(n.name for n in organisation.neighbourhoods.all()) == ["Canal Side", "Old Town"]
    page = client.get(reverse("organisation-detail", args=[organisation.pk])).content.decode()
    assert "Canal Side, Old Town" in page
    assert "The Heights" not in page


def test_an_organisation_is_listed_under_each_neighbourhood_it_serves(client, places):
    canal, old_town, heights = places
    kitchen = OrganisationFactory(name="Canal Side Kitchen")
    kitchen.neighbourhoods.set([canal, old_town])

    for place in (canal, old_town):
        page = client.get(reverse("neighbourhood-detail", args=[place.slug])).content.decode()
        assert f"Organisations serving {place.name}" in page
        assert "Canal Side Kitchen" in page, place.name
    elsewhere = client.get(reverse("neighbourhood-detail", args=[heights.slug])).content.decode()
    assert "Canal Side Kitchen" not in elsewhere


def test_a_member_who_is_not_its_admin_cannot_change_the_neighbourhoods(client, places):
    member = MembershipFactory(role=MembershipRole.MEMBER)
    organisation = member.organisation
    client.force_login(member.user)

    response = client.post(
        reverse("organisation-edit", args=[organisation.pk]),
        details(organisation, neighbourhoods=[str(places[0].pk)]),
    )

    assert response.status_code == 403
    assert not organisation.neighbourhoods.exists()


def test_an_officer_sets_several_neighbourhoods_in_the_staff_screens(client, places):
    canal, old_town, heights = places
    organisation = OrganisationFactory(name="Heights Walkers")
    organisation.neighbourhoods.set([canal])
    client.force_login(UserFactory(roles=[roles.GRANTS_OFFICER]))

    response = client.post(
        reverse("organisation:edit", args=[organisation.pk]),
        details(organisation, neighbourhoods=[str(old_town.pk), str(heights.pk)]),
    )

    assert response.status_code == 302, response.content.decode()
    assert sorted(n.name for n in organisation.neighbourhoods.all()) == ["Old Town", "The Heights"]
    inspect = client.get(reverse("organisation:inspect", args=[organisation.pk]))
    assert "Old Town" in inspect.content.decode()
    assert "The Heights" in inspect.content.decode()
