"""A person's permissions come from the cache on every page, and a change of
role takes effect on their very next request (people.permission_cache).

The door tried is the deprivation upload (reports.change_deprivationarea):
grants officers may use it, a commissioner may not."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from people import roles
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/reports/deprivation/"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.GRANTS_OFFICER], is_staff=True)


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def permission_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PAGE)
    assert response.status_code == 200
    return sum("auth_permission" in query["sql"] for query in queries)


def test_a_second_page_asks_the_database_nothing_about_permissions(officer):
    client = signed_in(officer)
    assert permission_queries(client) == 2  # the role's and the person's own
    assert permission_queries(client) == 0


def test_leaving_a_role_closes_the_door_on_the_next_request(
    officer, django_capture_on_commit_callbacks
):
    client = signed_in(officer)
    assert client.get(PAGE).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        officer.groups.remove(Group.objects.get(name=roles.GRANTS_OFFICER))
    assert client.get(PAGE).status_code == 403


def test_joining_a_role_opens_the_door_on_the_next_request():
    commissioner = UserFactory(roles=[roles.COMMISSIONER], is_staff=True)
    client = signed_in(commissioner)
    assert client.get(PAGE).status_code == 403
    Group.objects.get(name=roles.GRANTS_OFFICER).user_set.add(commissioner)
    assert client.get(PAGE).status_code == 200


def test_a_role_losing_a_permission_closes_the_door_for_everyone_in_it(officer):
    other = UserFactory(roles=[roles.GRANTS_OFFICER], is_staff=True)
    clients = [signed_in(officer), signed_in(other)]
    assert [client.get(PAGE).status_code for client in clients] == [200, 200]
    Group.objects.get(name=roles.GRANTS_OFFICER).permissions.remove(
        Permission.objects.get(codename="change_deprivationarea")
    )
    assert [client.get(PAGE).status_code for client in clients] == [403, 403]


def test_the_whole_role_taken_away_closes_the_door(officer):
    client = signed_in(officer)
    assert client.get(PAGE).status_code == 200
    officer.groups.clear()
    assert client.get(PAGE).status_code == 403


def test_made_superuser_opens_the_door_at_once():
    commissioner = UserFactory(roles=[roles.COMMISSIONER], is_staff=True)
    client = signed_in(commissioner)
    assert client.get(PAGE).status_code == 403
    commissioner.is_superuser = True
    commissioner.save()
    assert client.get(PAGE).status_code == 200


def test_a_deactivated_account_is_refused_whatever_was_stored(officer):
    client = signed_in(officer)
    assert client.get(PAGE).status_code == 200
    officer.is_active = False
    officer.save()
    assert client.get(PAGE).status_code == 302  # signed out: sent to sign in


def test_with_the_cache_down_the_database_answers(officer, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    client = signed_in(officer)
    assert client.get(PAGE).status_code == 200
