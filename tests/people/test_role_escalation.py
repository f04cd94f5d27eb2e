"""Roles stay in their lane (issue #22, point 2).

Every role, and a superuser, against every admin action on people and
groups, through the real admin URLs. Each action is refused (403, a
redirect away, or the form shown again with an error) and leaves the
database as it was, except where the rule allows it: a superuser may do
anything; anyone else may give or take away only a role whose permissions
they hold, never superuser or staff status, and may not touch groups.

Officers are given staff status here although the role sync does not give
it (the Wagtail admin needs only `wagtailadmin.access_admin`): staff status
is what lets a person into /django-admin/ at all, so it is the harder case.
"""

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.test import Client
from django_fsm_log.models import StateLog
from wagtail.users.forms import GroupForm

from people import roles
from people.models import User
from people.services.roles import ROLES_CHANGE, person_roles_check
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

SUPERUSER = "superuser"
ACTORS = [
    roles.ADMINISTRATOR,
    roles.COMMISSIONER,
    roles.GRANTS_OFFICER,
    roles.PANEL_MEMBER,
    roles.APPLICANT,
    SUPERUSER,
]
NEW_PASSWORD = "a-new-and-long-enough-password-7"


def actor_for(role: str):
    if role == SUPERUSER:
        return UserFactory(is_superuser=True, is_staff=True)
    return UserFactory(roles=[role], is_staff=role in roles.STAFF_ROLES)


def refused(response) -> bool:
    """A refusal: forbidden, sent away (to a sign-in page or the admin
    home), or the form shown again with its errors."""
    if response.status_code == 403:
        return True
    if response.status_code == 302:
        sent_away = response.url.split("?")[0] in {
            "/admin/",
            "/admin/login/",
            "/django-admin/login/",
            "/accounts/sign-in/",
        }
        told_why = any(m.level == messages.ERROR for m in get_messages(response.wsgi_request))
        return sent_away or told_why
    if response.status_code == 200 and response.context is not None:
        form = response.context.get("form") or response.context.get("adminform")
        form = getattr(form, "form", form)
        return form is not None and bool(form.errors)
    return False


def group_perms(group: Group) -> set[int]:
    return set(group.permissions.values_list("pk", flat=True))


def unheld_group(role: str) -> Group:
    """A group whose permissions the actor does not all hold."""
    return Group.objects.get(
        name=roles.COMMISSIONER if role == roles.ADMINISTRATOR else roles.ADMINISTRATOR
    )


def group_payload(group: Group, permissions: set[int]) -> dict:
    """The Wagtail group form as a browser posts it, with every permission
    panel's management form as a superuser's edit page gives it."""
    superuser_client = Client()
    superuser_client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = f"/admin/groups/edit/{group.pk}/" if group.pk else "/admin/groups/new/"
    context = superuser_client.get(url).context
    data = {"name": group.name, "permissions": sorted(permissions)}
    for panel in context["permission_panels"]:
        management = panel.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management.initial.get(name, 0)
    return data


def offered_permissions() -> set[int]:
    """The permissions the Wagtail group form offers; it keeps a group's
    others as they are."""
    return set(GroupForm().fields["permissions"].queryset.values_list("pk", flat=True))


def wagtail_person_payload(person, *, groups, is_superuser=False, **changes) -> dict:
    data = {
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "is_active": "on",
        "groups": [group.pk for group in groups],
        "password1": "",
        "password2": "",
        **changes,
    }
    if is_superuser:
        data["is_superuser"] = "on"
    return data


def django_admin_person_payload(person, **changes) -> dict:
    data = {
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "is_active": "on",
        "groups": [group.pk for group in person.groups.all()],
        "date_joined_0": person.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": person.date_joined.strftime("%H:%M:%S"),
        "last_login_0": "",
        "last_login_1": "",
    }
    if person.is_staff:
        data["is_staff"] = "on"
    if person.is_superuser:
        data["is_superuser"] = "on"
    data.update(changes)
    return data


# Each action posts as `actor` through `client` and returns the response
# and whether the change took effect, read back from the database.


def group_create(client, actor, role):
    permission = Permission.objects.get(codename="delete_user")
    data = group_payload(Group(name="Shadow cabinet"), {permission.pk})
    response = client.post("/admin/groups/new/", data)
    return response, Group.objects.filter(name="Shadow cabinet").exists()


def _group_edit(client, group):
    offered = offered_permissions()
    extra = min(offered - group_perms(group))
    data = group_payload(group, (group_perms(group) & offered) | {extra})
    response = client.post(f"/admin/groups/edit/{group.pk}/", data)
    return response, extra in group_perms(group)


def group_edit_other(client, actor, role):
    other = roles.APPLICANT if role != roles.APPLICANT else roles.PANEL_MEMBER
    return _group_edit(client, Group.objects.get(name=other))


def group_edit_own(client, actor, role):
    own = roles.ADMINISTRATOR if role == SUPERUSER else role
    return _group_edit(client, Group.objects.get(name=own))


def group_delete(client, actor, role):
    group = Group.objects.get(name=roles.APPLICANT)
    response = client.post(f"/admin/groups/delete/{group.pk}/")
    return response, not Group.objects.filter(pk=group.pk).exists()


def user_create_superuser(client, actor, role):
    data = {
        "email": "new.chief@example.org",
        "first_name": "New",
        "last_name": "Chief",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "is_superuser": "on",
        "groups": [],
    }
    response = client.post("/admin/users/new/", data)
    return response, User.objects.filter(email="new.chief@example.org").exists()


def user_make_superuser(client, actor, role):
    person = UserFactory()
    data = wagtail_person_payload(person, groups=[], is_superuser=True)
    response = client.post(f"/admin/users/edit/{person.pk}/", data)
    person.refresh_from_db()
    return response, person.is_superuser


def user_add_to_unheld_group(client, actor, role):
    person = UserFactory()
    group = unheld_group(role)
    data = wagtail_person_payload(person, groups=[group])
    response = client.post(f"/admin/users/edit/{person.pk}/", data)
    return response, person.groups.filter(pk=group.pk).exists()


def bulk_assign_unheld_role(client, actor, role):
    person = UserFactory()
    group = unheld_group(role)
    response = client.post(
        f"/admin/bulk/people/user/assign_role/?id={person.pk}", {"role": group.pk}
    )
    return response, person.groups.filter(pk=group.pk).exists()


def self_add_to_administrator(client, actor, role):
    groups = [*actor.groups.all(), Group.objects.get(name=roles.ADMINISTRATOR)]
    data = wagtail_person_payload(actor, groups=groups)
    data.pop("is_active")  # not offered to someone editing themselves
    response = client.post(f"/admin/users/edit/{actor.pk}/", data)
    in_group = actor.groups.filter(name=roles.ADMINISTRATOR).exists()
    return response, in_group and response.status_code == 302 and not refused(response)


def django_admin_index(client, actor, role):
    response = client.get("/django-admin/")
    # Staff status opens the site, but people and groups are listed there
    # to superusers alone.
    screens = {b"/django-admin/people/user/", b"/django-admin/auth/group/"}
    offered = response.status_code == 200 and any(url in response.content for url in screens)
    return response, offered


def django_admin_user_change_page(client, actor, role):
    person = UserFactory()
    response = client.get(f"/django-admin/people/user/{person.pk}/change/")
    return response, response.status_code == 200


def django_admin_make_staff(client, actor, role):
    person = UserFactory()
    data = django_admin_person_payload(person, is_staff="on")
    response = client.post(f"/django-admin/people/user/{person.pk}/change/", data)
    person.refresh_from_db()
    return response, person.is_staff


def django_admin_make_superuser(client, actor, role):
    person = UserFactory()
    data = django_admin_person_payload(person, is_staff="on", is_superuser="on")
    response = client.post(f"/django-admin/people/user/{person.pk}/change/", data)
    person.refresh_from_db()
    return response, person.is_superuser


def django_admin_group_change(client, actor, role):
    group = Group.objects.get(name=roles.APPLICANT)
    permission = Permission.objects.get(codename="delete_user")
    data = {"name": group.name, "permissions": [permission.pk]}
    response = client.post(f"/django-admin/auth/group/{group.pk}/change/", data)
    return response, permission.pk in group_perms(group)


ACTIONS = [
    group_create,
    group_edit_other,
    group_edit_own,
    group_delete,
    user_create_superuser,
    user_make_superuser,
    user_add_to_unheld_group,
    bulk_assign_unheld_role,
    self_add_to_administrator,
    django_admin_index,
    django_admin_user_change_page,
    django_admin_make_staff,
    django_admin_make_superuser,
    django_admin_group_change,
]


def allowed(role: str, action) -> bool:
    if role == SUPERUSER:
        return True
    # An administrator already holds the Administrator role: saving it again
    # changes nothing and is not refused.
    return role == roles.ADMINISTRATOR and action is self_add_to_administrator


@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.__name__)
@pytest.mark.parametrize("role", ACTORS)
def test_every_role_against_every_admin_action(client, role, action):
    actor = actor_for(role)
    client.force_login(actor)
    audit_rows = StateLog.objects.filter(transition=ROLES_CHANGE).count()

    response, happened = action(client, actor, role)

    assert happened is allowed(role, action), response
    if not happened and action is not django_admin_index:
        assert refused(response), (response.status_code, getattr(response, "url", ""))
    if role != SUPERUSER:
        # Nothing a non-superuser tried here changed anyone's roles.
        assert StateLog.objects.filter(transition=ROLES_CHANGE).count() == audit_rows
        actor.refresh_from_db()
        assert not actor.is_superuser


# The allowed cases, and what they leave in the audit trail.


def test_an_administrator_gives_a_role_they_hold_and_it_is_audited(client):
    administrator = actor_for(roles.ADMINISTRATOR)
    person = UserFactory(email="new.officer@example.org")
    grants_officer = Group.objects.get(name=roles.GRANTS_OFFICER)
    client.force_login(administrator)

    data = wagtail_person_payload(person, groups=[grants_officer])
    response = client.post(f"/admin/users/edit/{person.pk}/", data)

    assert response.status_code == 302 and not refused(response)
    assert list(person.groups.all()) == [grants_officer]
    entry = StateLog.objects.get(transition=ROLES_CHANGE, object_id=person.pk)
    assert entry.content_object == person
    assert entry.by == administrator
    assert (entry.source_state, entry.state) == ("active", "active")
    assert entry.description == "new.officer@example.org: roles added: Grants officer."


def test_an_administrator_assigns_a_role_they_hold_to_several_people(client):
    administrator = actor_for(roles.ADMINISTRATOR)
    people = UserFactory.create_batch(2)
    client.force_login(administrator)
    ids = "&".join(f"id={person.pk}" for person in people)
    grants_officer = Group.objects.get(name=roles.GRANTS_OFFICER)

    response = client.post(
        f"/admin/bulk/people/user/assign_role/?{ids}", {"role": grants_officer.pk}
    )

    assert response.status_code == 302 and not refused(response)
    for person in people:
        assert person.groups.filter(pk=grants_officer.pk).exists()
    assert StateLog.objects.filter(transition=ROLES_CHANGE, by=administrator).count() == 2


def test_an_administrator_adds_a_person_with_a_role_they_hold(client):
    administrator = actor_for(roles.ADMINISTRATOR)
    client.force_login(administrator)
    panel_member = Group.objects.get(name=roles.PANEL_MEMBER)
    data = {
        "email": "panel@example.org",
        "first_name": "Pat",
        "last_name": "Panel",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "groups": [panel_member.pk],
    }

    response = client.post("/admin/users/new/", data)

    assert response.status_code == 302 and not refused(response)
    entry = StateLog.objects.get(transition=ROLES_CHANGE)
    assert entry.content_object.email == "panel@example.org"
    assert entry.description == "panel@example.org: roles added: Panel member."


def test_an_administrator_edits_a_name_and_no_role_change_is_audited(client):
    client.force_login(actor_for(roles.ADMINISTRATOR))
    person = UserFactory(roles=[roles.COMMISSIONER])
    data = wagtail_person_payload(person, groups=person.groups.all(), first_name="Renamed")

    response = client.post(f"/admin/users/edit/{person.pk}/", data)

    assert response.status_code == 302 and not refused(response)
    person.refresh_from_db()
    assert person.first_name == "Renamed"
    assert person.role_names() == [roles.COMMISSIONER]
    assert not StateLog.objects.filter(transition=ROLES_CHANGE).exists()


def test_an_administrator_cannot_take_away_a_role_they_do_not_hold(client):
    client.force_login(actor_for(roles.ADMINISTRATOR))
    person = UserFactory(roles=[roles.COMMISSIONER])

    response = client.post(
        f"/admin/users/edit/{person.pk}/", wagtail_person_payload(person, groups=[])
    )

    assert refused(response)
    assert person.role_names() == [roles.COMMISSIONER]


def test_an_administrator_cannot_change_a_superusers_account(client):
    client.force_login(actor_for(roles.ADMINISTRATOR))
    chief = UserFactory(is_superuser=True, is_staff=True, email="chief@example.org")

    assert refused(client.get(f"/admin/users/edit/{chief.pk}/"))
    data = wagtail_person_payload(chief, groups=[], is_superuser=True, email="taken@example.org")
    response = client.post(f"/admin/users/edit/{chief.pk}/", data)

    assert refused(response)
    chief.refresh_from_db()
    assert chief.email == "chief@example.org"


def test_the_wagtail_user_form_has_no_way_to_give_staff_status(client):
    client.force_login(actor_for(roles.ADMINISTRATOR))
    person = UserFactory()
    data = wagtail_person_payload(person, groups=[], is_staff="on")

    client.post(f"/admin/users/edit/{person.pk}/", data)

    person.refresh_from_db()
    assert not person.is_staff


def test_a_superusers_grant_of_superuser_status_is_audited(client):
    superuser = actor_for(SUPERUSER)
    client.force_login(superuser)
    person = UserFactory(email="deputy@example.org")

    response = client.post(
        f"/django-admin/people/user/{person.pk}/change/",
        django_admin_person_payload(person, is_staff="on", is_superuser="on"),
    )

    assert response.status_code == 302
    entry = StateLog.objects.get(transition=ROLES_CHANGE)
    assert entry.by == superuser
    assert entry.description == (
        "deputy@example.org: superuser status granted; staff status granted."
    )


def test_an_officer_sees_the_groups_read_only_and_why(client):
    client.force_login(actor_for(roles.ADMINISTRATOR))
    group = Group.objects.get(name=roles.GRANTS_OFFICER)

    index = client.get("/admin/groups/")
    inspect = client.get(f"/admin/groups/inspect/{group.pk}/")

    for response in (index, inspect):
        assert response.status_code == 200
        assert b"The roles are declared in code" in response.content
    assert f"/admin/groups/inspect/{group.pk}/".encode() in index.content
    assert f"/admin/groups/edit/{group.pk}/".encode() not in index.content
    assert b"Can assess and decide grant applications" in inspect.content


def test_the_role_check_says_why_it_refuses():
    administrator = actor_for(roles.ADMINISTRATOR)
    person = UserFactory()
    commissioner = Group.objects.get(name=roles.COMMISSIONER)

    with pytest.raises(PermissionDenied) as refusal:
        person_roles_check(
            actor=administrator,
            person=person,
            groups=[commissioner],
            is_superuser=True,
            is_staff=True,
        )

    message = str(refusal.value)
    assert "Only a superuser can grant or remove superuser status." in message
    assert "Only a superuser can grant or remove staff status." in message
    assert "you do not hold all of: Commissioner" in message


def test_group_permissions_do_not_open_groups_to_a_non_superuser(client):
    """Even someone given every group permission directly cannot change a
    group: groups are a superuser's alone."""
    administrator = actor_for(roles.ADMINISTRATOR)
    administrator.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="auth", codename__endswith="_group")
    )
    client.force_login(administrator)

    for action in (group_create, group_edit_own, group_delete, django_admin_group_change):
        response, happened = action(client, administrator, roles.ADMINISTRATOR)
        assert not happened, action.__name__
        assert refused(response), action.__name__
