import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from neighbourhoods.models import Neighbourhood
from people import roles
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_exists_with_exactly_its_declared_permissions():
    assert roles.roles_sync() == []  # every declared permission is real
    for role, declared in roles.ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        held = {
            f"{app}.{codename}"
            for app, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert held == declared, role


def test_a_person_can_hold_several_roles():
    person = UserFactory(roles=[roles.GRANTS_OFFICER, roles.PANEL_MEMBER])
    assert person.role_names() == [roles.GRANTS_OFFICER, roles.PANEL_MEMBER]
    assert person.has_perm("neighbourhoods.change_neighbourhood")


@pytest.mark.parametrize(
    ("role", "can_enter_admin"),
    [
        (roles.ADMINISTRATOR, True),
        (roles.COMMISSIONER, True),
        (roles.GRANTS_OFFICER, True),
        (roles.PANEL_MEMBER, False),
        (roles.APPLICANT, False),
    ],
)
def test_only_staff_roles_reach_the_staff_admin(client, role, can_enter_admin):
    client.force_login(UserFactory(roles=[role]))
    response = client.get("/admin/")
    if can_enter_admin:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url.startswith("/accounts/sign-in/?next=/admin/")


def refused(response) -> bool:
    """Wagtail answers a signed-in officer without the permission by sending
    them back to the admin home with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == "/admin/"
    )


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (roles.ADMINISTRATOR, True),
        (roles.GRANTS_OFFICER, True),
        (roles.COMMISSIONER, False),
    ],
)
def test_adding_a_neighbourhood_needs_the_right_role(client, role, allowed):
    client.force_login(UserFactory(roles=[role]))
    response = client.post(reverse("neighbourhood:add"), {"name": "Brook End"})
    assert refused(response) is not allowed
    assert Neighbourhood.objects.filter(name="Brook End").exists() is allowed


def test_officers_can_list_organisations_but_not_delete_them(client):
    from tests.organisations.factories import OrganisationFactory

    organisation = OrganisationFactory()
    client.force_login(UserFactory(roles=[roles.COMMISSIONER]))
    assert client.get(reverse("organisation:index")).status_code == 200
    response = client.post(reverse("organisation:delete", args=[organisation.pk]))
    assert refused(response)
    assert type(organisation).objects.filter(pk=organisation.pk).exists()
