"""Officers see on the staff home how many e-mails could not be sent, read
the mail server's words in their list, and try one again (audited)."""

import pytest
from django_fsm_log.models import StateLog

from demo.community import demo_community_load
from foundation.models import OutgoingEmail, OutgoingEmailState
from people import roles
from people.models import User
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed():
    return OutgoingEmail.objects.create(
        topic="Application submitted",
        to="nobody@example.org",
        subject="We have your application GR-2027-0001",
        body="Thank you.",
        state=OutgoingEmailState.FAILED,
        attempts=1,
        error="550 5.1.1 <nobody@example.org>: Recipient address rejected",
    )


@pytest.fixture
def grants_officer(client):
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    client.force_login(officer)
    return officer


def test_the_staff_home_counts_failed_emails_and_links_to_their_list(
    client, grants_officer, failed
):
    home = client.get("/admin/").content.decode()
    assert "<strong>1</strong> e-mail could not be sent" in home
    assert 'href="/admin/failed-emails/"' in home
    listing = client.get("/admin/failed-emails/").content.decode()
    assert "nobody@example.org" in listing
    assert "550 5.1.1 &lt;nobody@example.org&gt;: Recipient address rejected" in listing
    assert "Try again" in listing
    assert "Thank you." not in listing  # bodies may hold sign-in links: never shown


def test_trying_again_sends_it_and_is_audited(
    client, grants_officer, failed, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/failed-emails/{failed.pk}/try-again/", follow=True)
    assert "will be sent again shortly" in response.content.decode()
    assert [m.to for m in mailoutbox] == [["nobody@example.org"]]
    failed.refresh_from_db()
    assert failed.state == OutgoingEmailState.SENT
    assert StateLog.objects.get(transition="email_retry").by == grants_officer
    assert "<strong>0</strong> e-mails could not be sent" in client.get("/admin/").content.decode()


def test_trying_again_twice_or_by_get_changes_nothing(client, grants_officer, failed):
    assert client.get(f"/admin/failed-emails/{failed.pk}/try-again/").status_code == 405
    client.post(f"/admin/failed-emails/{failed.pk}/try-again/")
    again = client.post(f"/admin/failed-emails/{failed.pk}/try-again/", follow=True)
    assert "Only an e-mail that could not be sent can be tried again" in again.content.decode()
    assert StateLog.objects.filter(transition="email_retry").count() == 1


def test_staff_without_the_reminders_permission_neither_see_nor_retry(client, failed):
    person = UserFactory(is_staff=True)
    person.user_permissions.add(*_admin_access())
    client.force_login(person)
    assert "could not be sent" not in client.get("/admin/").content.decode()
    # The admin turns a refusal into a way back to its home page.
    assert client.get("/admin/failed-emails/").url == "/admin/"
    client.post(f"/admin/failed-emails/{failed.pk}/try-again/")
    failed.refresh_from_db()
    assert failed.state == OutgoingEmailState.FAILED


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


def test_the_demo_grants_officer_sees_them_through_the_role_and_the_panel_member_does_not(
    client, failed
):
    demo_community_load()
    grace = User.objects.get(email="grants@ashbyvale.example")
    assert not grace.is_superuser
    assert [group.name for group in grace.groups.all()] == [roles.GRANTS_OFFICER]
    client.force_login(grace)
    assert "<strong>1</strong> e-mail could not be sent" in client.get("/admin/").content.decode()
    listing = client.get("/admin/failed-emails/")
    assert listing.status_code == 200
    assert "nobody@example.org" in listing.content.decode()

    # A panel member has no way into the staff admin at all: Wagtail sends
    # them to sign in as someone who has, and shows neither count nor list.
    priya = User.objects.get(email="panel@ashbyvale.example")
    client.force_login(priya)
    for page in ("/admin/", "/admin/failed-emails/"):
        refused = client.get(page)
        assert refused.status_code == 302
        assert refused["Location"] == f"/accounts/sign-in/?next={page}"
    assert not priya.has_perm("reminders.view_reminder")
