"""The audit trail in /django-admin/: only staff who hold its view
permission see it, and nobody can add, change or delete a row there."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django_fsm_log.models import StateLog

from people.models import User
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
LIST = "/django-admin/django_fsm_log/statelog/"


@pytest.fixture
def entry():
    someone = UserFactory()
    return StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_id=someone.pk,
        by=someone,
        source_state="draft",
        state="submitted",
        transition="submit",
    )


def staff(*permissions: str) -> User:
    person = UserFactory(is_staff=True)
    for codename in permissions:
        person.user_permissions.add(Permission.objects.get(codename=codename))
    return User.objects.get(pk=person.pk)


def test_staff_without_the_view_permission_see_nothing(client, entry):
    client.force_login(staff())

    index = client.get("/django-admin/").content.decode()

    assert "Audit" not in index and "State log" not in index.lower()
    assert client.get(LIST).status_code == 403
    assert client.get(f"{LIST}{entry.pk}/change/").status_code == 403


def test_the_change_permission_alone_does_not_open_it(client, entry):
    client.force_login(staff("change_statelog"))
    assert client.get(LIST).status_code == 403


def test_staff_with_the_view_permission_read_but_never_change(client, entry):
    client.force_login(staff("view_statelog"))

    listing = client.get(LIST)
    page = client.get(f"{LIST}{entry.pk}/change/")
    changed = client.post(f"{LIST}{entry.pk}/change/", {"transition": "forged"})
    deleted = client.post(f"{LIST}{entry.pk}/delete/", {"post": "yes"})
    added = client.get(f"{LIST}add/")

    assert listing.status_code == 200 and "submit" in listing.content.decode()
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert changed.status_code == 403
    assert deleted.status_code == 403
    assert added.status_code == 403
    entry.refresh_from_db()
    assert entry.transition == "submit"


def test_superusers_read_it_too_and_cannot_change_it(client, entry):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(LIST).status_code == 200
    assert client.post(f"{LIST}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert StateLog.objects.filter(pk=entry.pk).exists()
