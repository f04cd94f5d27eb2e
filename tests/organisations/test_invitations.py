"""An organisation admin invites people; they accept, and become members."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django_fsm_log.models import StateLog

from organisations.mail import invitation_send
from organisations.models import InvitationState, MembershipRole, OrganisationMembership
from organisations.services import membership as services
from tests.organisations.factories import InvitationFactory, MembershipFactory, OrganisationFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_admin():
    return MembershipFactory(role=MembershipRole.ADMIN)


def test_admin_invites_and_the_email_goes_once(org_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            organisation=org_admin.organisation, actor=org_admin.user, email="New@Example.org"
        )
    assert invitation.email == "new@example.org"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@example.org"]
    assert org_admin.organisation.name in message.subject
    assert f"/portal/invitations/accept/{invitation.token}/" in message.body
    # A repeated delivery of the task sends nothing more.
    assert invitation_send(invitation_id=invitation.pk) is False
    assert len(mail.outbox) == 1


def test_plain_member_cannot_invite(org_admin):
    member = MembershipFactory(organisation=org_admin.organisation)
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            organisation=org_admin.organisation, actor=member.user, email="x@example.org"
        )
    assert not org_admin.organisation.invitations.exists()


def test_duplicate_invitation_and_existing_member_refused(org_admin):
    organisation = org_admin.organisation
    services.invitation_create(organisation=organisation, actor=org_admin.user, email="a@b.org")
    with pytest.raises(ValidationError, match="already waiting"):
        services.invitation_create(organisation=organisation, actor=org_admin.user, email="a@b.org")
    with pytest.raises(ValidationError, match="already a member"):
        services.invitation_create(
            organisation=organisation, actor=org_admin.user, email=org_admin.user.email
        )
    assert organisation.invitations.count() == 1


def test_accepting_makes_a_member_and_is_audited(org_admin):
    invitation = InvitationFactory(
        organisation=org_admin.organisation, invited_by=org_admin.user, role=MembershipRole.ADMIN
    )
    person = UserFactory(email=invitation.email)
    membership = services.invitation_accept(invitation=invitation, user=person)
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.ACCEPTED
    assert membership.role == MembershipRole.ADMIN
    assert person.groups.filter(name="Applicant").exists()
    log = StateLog.objects.get()
    assert (log.transition, log.by, log.source_state, log.state) == (
        "accept",
        person,
        "pending",
        "accepted",
    )


def test_someone_else_cannot_use_the_invitation():
    invitation = InvitationFactory()
    with pytest.raises(PermissionDenied):
        services.invitation_accept(invitation=invitation, user=UserFactory())
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.PENDING
    assert not OrganisationMembership.objects.exists()


def test_lapsed_or_withdrawn_invitation_cannot_be_accepted(org_admin):
    lapsed = InvitationFactory(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ValidationError, match="lapsed"):
        services.invitation_accept(invitation=lapsed, user=UserFactory(email=lapsed.email))
    withdrawn = InvitationFactory(organisation=org_admin.organisation, invited_by=org_admin.user)
    services.invitation_revoke(invitation=withdrawn, actor=org_admin.user)
    with pytest.raises(ValidationError, match="already been used or withdrawn"):
        services.invitation_accept(invitation=withdrawn, user=UserFactory(email=withdrawn.email))
    assert not OrganisationMembership.objects.exclude(pk=org_admin.pk).exists()


def test_the_last_admin_cannot_be_removed(org_admin):
    with pytest.raises(ValidationError, match="at least one admin"):
        services.membership_remove(membership=org_admin, actor=org_admin.user)
    assert OrganisationMembership.objects.filter(pk=org_admin.pk).exists()


# --- through the portal pages ----------------------------------------------


def test_portal_invite_form_shows_error_next_to_field(client, org_admin):
    client.force_login(org_admin.user)
    url = reverse("organisation-detail", args=[org_admin.organisation.pk])
    response = client.post(url, {"email": "not-an-address", "role": "member"})
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert 'id="id_email-error"' in response.content.decode()
    assert not org_admin.organisation.invitations.exists()


def test_portal_invite_then_accept(client, org_admin, django_capture_on_commit_callbacks):
    client.force_login(org_admin.user)
    url = reverse("organisation-detail", args=[org_admin.organisation.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "joiner@example.org", "role": "member"})
    assert response.status_code == 302
    invitation = org_admin.organisation.invitations.get()
    joiner = UserFactory(email="joiner@example.org")
    client.force_login(joiner)
    accept = reverse("invitation-accept", args=[invitation.token])
    assert client.get(accept).status_code == 200
    assert client.post(accept).status_code == 302
    assert org_admin.organisation.memberships.filter(user=joiner).exists()


def test_people_outside_an_organisation_cannot_see_or_manage_it(client, org_admin):
    outsider = UserFactory()
    client.force_login(outsider)
    organisation = org_admin.organisation
    assert client.get(reverse("organisation-detail", args=[organisation.pk])).status_code == 403
    assert client.get(reverse("organisation-edit", args=[organisation.pk])).status_code == 403
    response = client.post(
        reverse("organisation-detail", args=[organisation.pk]), {"email": "spy@example.org"}
    )
    assert response.status_code == 403
    response = client.post(reverse("membership-remove", args=[org_admin.pk]))
    assert response.status_code == 403
    assert OrganisationMembership.objects.filter(pk=org_admin.pk).exists()
    assert not organisation.invitations.exists()


def test_member_who_is_not_admin_cannot_edit_or_invite(client, org_admin):
    member = MembershipFactory(organisation=org_admin.organisation)
    client.force_login(member.user)
    organisation = org_admin.organisation
    assert client.get(reverse("organisation-detail", args=[organisation.pk])).status_code == 200
    assert client.get(reverse("organisation-edit", args=[organisation.pk])).status_code == 403
    response = client.post(
        reverse("organisation-detail", args=[organisation.pk]),
        {"email": "friend@example.org", "role": "member"},
    )
    assert response.status_code == 403
    assert not organisation.invitations.exists()


def test_registering_an_organisation_makes_you_its_admin(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        reverse("organisation-create"),
        {
            "name": "Brook End Allotment Society",
            "legal_form": "cbs",
            "staff_count": 0,
            "volunteer_count": 12,
            "staff_with_lived_experience_count": 0,
            "postcode": "av1 2cd",
        },
    )
    assert response.status_code == 302
    membership = person.memberships.get()
    assert membership.role == MembershipRole.ADMIN
    assert membership.organisation.postcode == "AV1 2CD"
    assert membership.organisation.org_id.startswith("360G-commonground-ORG-")


def test_registering_with_a_bad_charity_number_reshows_the_form(client):
    client.force_login(UserFactory())
    data = {
        "name": "Kitchen",
        "legal_form": "cio",
        "charity_number": "12AB",
        "staff_count": 1,
        "volunteer_count": 1,
        "staff_with_lived_experience_count": 0,
    }
    response = client.post(reverse("organisation-create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert 'id="id_charity_number-error"' in body
    assert 'value="Kitchen"' in body  # nothing typed is lost
    assert not OrganisationFactory._meta.model.objects.filter(name="Kitchen").exists()
