"""The audit trail is append-only: transitions write rows, and no view,
admin screen or query can change or delete one."""

import pytest
from django.db import DatabaseError, transaction
from django.urls import URLPattern, URLResolver, get_resolver
from django_fsm_log.models import StateLog

from foundation.audit import audit_trail_for
from organisations.models import InvitationState, MembershipRole
from organisations.services import membership as services
from people import roles
from tests.organisations.factories import InvitationFactory, MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit_row():
    admin = MembershipFactory(role=MembershipRole.ADMIN)
    invitation = InvitationFactory(organisation=admin.organisation, invited_by=admin.user)
    services.invitation_revoke(invitation=invitation, actor=admin.user)
    return StateLog.objects.get()


def snapshot(row):
    row.refresh_from_db()
    return (row.transition, row.source_state, row.state, row.by_id, row.description, row.timestamp)


def test_a_transition_writes_who_when_from_to_and_why(audit_row):
    assert audit_row.transition == "revoke"
    assert (audit_row.source_state, audit_row.state) == ("pending", "revoked")
    assert audit_row.by is not None
    assert audit_row.description == "Withdrawn by an organisation admin"
    assert list(audit_trail_for(audit_row.content_object)) == [audit_row]
    assert audit_row.content_object.state == InvitationState.REVOKED


def test_the_database_refuses_to_change_or_delete_a_row(audit_row):
    for attempt in (
        lambda: StateLog.objects.filter(pk=audit_row.pk).update(state="accepted"),
        lambda: StateLog.objects.filter(pk=audit_row.pk).delete(),
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            attempt()
    assert StateLog.objects.filter(pk=audit_row.pk, state="revoked").exists()


def _routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route


def _audit_routes(pk):
    for route in _routes():
        if "statelog" in route or "audit-trail" in route:
            url = route.replace("^", "").replace("$", "").replace("\\Z", "")
            for placeholder in ("<int:pk>", "<path:object_id>", "(.+)", "<int:object_id>"):
                url = url.replace(placeholder, str(pk))
            if "<" not in url and "(" not in url:
                yield "/" + url


def test_no_view_anywhere_can_change_or_delete_a_row(client, audit_row):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    before = snapshot(audit_row)
    urls = sorted(set(_audit_routes(audit_row.pk)))
    # The Wagtail screen and Django's admin both expose the trail...
    assert any(url.startswith("/admin/audit-trail/") for url in urls)
    assert any(url.startswith("/django-admin/django_fsm_log/statelog/") for url in urls)
    for url in urls:
        for data in ({}, {"state": "accepted", "post": "yes", "description": "edited"}):
            response = client.post(url, data)
            assert response.status_code in (200, 302, 403, 404, 405), url
    # ...and after every POST to every one of them, nothing has changed.
    assert snapshot(audit_row) == before
    assert StateLog.objects.count() == 1


def test_the_trail_is_read_only_in_both_admins(client, audit_row):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/admin/audit-trail/").status_code == 200
    assert client.get(f"/admin/audit-trail/inspect/{audit_row.pk}/").status_code == 200
    assert client.get(f"/admin/audit-trail/edit/{audit_row.pk}/").status_code == 404
    assert client.get(f"/admin/audit-trail/delete/{audit_row.pk}/").status_code == 404
    change = f"/django-admin/django_fsm_log/statelog/{audit_row.pk}/change/"
    assert client.post(change, {"state": "accepted"}).status_code == 403
    delete = f"/django-admin/django_fsm_log/statelog/{audit_row.pk}/delete/"
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert client.get("/django-admin/django_fsm_log/statelog/add/").status_code == 403


@pytest.mark.parametrize(
    ("role", "status"),
    [(roles.GRANTS_OFFICER, 200), (roles.COMMISSIONER, 200), (roles.PANEL_MEMBER, 302)],
)
def test_officers_read_the_trail_others_cannot(client, audit_row, role, status):
    client.force_login(UserFactory(roles=[role]))
    assert client.get("/admin/audit-trail/").status_code == status
