"""Erasure: the person's name and address are gone from everything, and the
audit trail keeps every row, count and transition."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_fsm_log.models import StateLog

from assets.models import Asset, AssetSuggestion
from commissioning.models import BidDocument
from grants.models import ApplicationDocument, Award
from organisations.models import OrganisationInvitation
from people import roles
from people.models import User
from people.services.erasure import person_erase
from reminders.models import Notification, Reminder, ReminderSettings
from social_value.models import Assignment
from tests.people.everywhere import person_everywhere
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return UserFactory(first_name="Ada", last_name="Admin", roles=[roles.ADMINISTRATOR])


def _trail():
    return list(
        StateLog.objects.order_by("pk").values_list(
            "pk", "by_id", "transition", "source_state", "state", "object_id"
        )
    )


def test_erasing_keeps_the_audit_trail_whole_with_a_pseudonym(client, administrator):
    everywhere = person_everywhere()
    person = everywhere.person
    trail_before = _trail()
    client.login(email=administrator.email, password=PASSWORD)

    response = client.post(
        reverse("person-erase", args=[person.pk]),
        {"reason": "request received 3 March 2026", "confirmed": "on"},
    )

    assert response.status_code == 302
    person.refresh_from_db()
    # The same rows, transitions and people, and one more: the erasure.
    trail_after = _trail()
    assert trail_after[: len(trail_before)] == trail_before
    erasure = StateLog.objects.get(transition="personal_data_erased")
    assert trail_after[len(trail_before) :] == [
        (erasure.pk, administrator.pk, "personal_data_erased", "held", "erased", person.pk)
    ]
    assert erasure.description == "Personal data erased: request received 3 March 2026"
    # The application's submission still names the account, now a pseudonym.
    submitted = StateLog.objects.get(transition="submit")
    assert submitted.by_id == person.pk
    assert str(submitted.by).startswith("Person ")
    assert "Jane" not in str(submitted.by) and "Doe" not in str(submitted.by)


def test_erasing_removes_the_name_and_address_from_every_record(administrator):
    everywhere = person_everywhere()
    person = everywhere.person
    Group.objects.get(name=roles.APPLICANT).user_set.add(person)

    person_erase(actor=administrator, person=person, reason="request")

    person.refresh_from_db()
    assert person.first_name == "Person"
    assert len(person.last_name) == 10
    assert person.email == f"person-{person.last_name}@erased.invalid"
    assert not person.is_active and not person.has_usable_password()
    assert list(person.groups.all()) == []
    assert not User.objects.filter(first_name="Jane").exists()
    # The words other records held about her.
    assert Award.objects.get().accepted_name == str(person)
    assert ApplicationDocument.objects.get().original_name == "File removed"
    assert BidDocument.objects.get().original_name == "File removed"
    hall = Asset.objects.get()
    assert (hall.contact_name, hall.contact_email, hall.contact_phone) == ("", "", "")
    suggestion = AssetSuggestion.objects.get()
    assert suggestion.suggested_by_name == str(person)
    assert suggestion.suggested_by_email == ""
    assert Assignment.objects.get().conflict_nature == "Removed"
    invited = OrganisationInvitation.objects.exclude(invited_by=person).get()
    assert invited.email == person.email
    reminder = Reminder.objects.get()
    assert (reminder.email_subject, reminder.email_body) == ("Removed", "")
    assert not Notification.objects.exists()
    assert not ReminderSettings.objects.exists()
    # Her records stay: the application and bid are still there, with her account.
    assert everywhere.application.created_by_id == person.pk
    assert everywhere.bid.versions.get().submitted_by_id == person.pk


def test_the_pseudonym_is_stable(administrator):
    person = UserFactory()
    other = UserFactory()

    person_erase(actor=administrator, person=person, reason="request")
    person_erase(actor=administrator, person=other, reason="request")

    person.refresh_from_db()
    other.refresh_from_db()
    assert str(person) != str(other)
    from foundation.personal_data import person_key, pseudonym

    assert str(person) == pseudonym(person_key(person.pk))


def test_erasing_twice_or_oneself_is_refused_with_a_message(client, administrator):
    person = UserFactory()
    person_erase(actor=administrator, person=person, reason="request")
    client.login(email=administrator.email, password=PASSWORD)

    again = client.post(
        reverse("person-erase", args=[person.pk]), {"reason": "again", "confirmed": "on"}
    )
    oneself = client.post(
        reverse("person-erase", args=[administrator.pk]), {"reason": "me", "confirmed": "on"}
    )

    assert again.status_code == 200
    assert "already been erased" in again.content.decode()
    assert oneself.status_code == 200
    assert "cannot erase your own account" in oneself.content.decode()
    administrator.refresh_from_db()
    assert administrator.first_name == "Ada"
    assert StateLog.objects.filter(transition="personal_data_erased").count() == 1


def test_the_erasure_form_explains_what_is_missing(client, administrator):
    person = UserFactory(first_name="Jane")
    client.login(email=administrator.email, password=PASSWORD)

    response = client.post(reverse("person-erase", args=[person.pk]), {"reason": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter why this person&#x27;s data is being erased" in html
    assert "Confirm that you understand this cannot be undone" in html
    person.refresh_from_db()
    assert person.first_name == "Jane"


def test_only_a_superuser_erases_a_superuser(client, administrator):
    superuser = UserFactory(is_superuser=True, is_staff=True, first_name="Sam")
    client.login(email=administrator.email, password=PASSWORD)

    response = client.post(
        reverse("person-erase", args=[superuser.pk]), {"reason": "asked", "confirmed": "on"}
    )

    assert response.status_code == 200
    assert "Only a superuser can erase a superuser" in response.content.decode()
    superuser.refresh_from_db()
    assert superuser.first_name == "Sam"


def test_deleting_a_person_in_the_wagtail_admin_sends_to_erasure_not_a_500(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    everywhere = person_everywhere()
    client.login(email=superuser.email, password=PASSWORD)
    users_before = User.objects.count()

    response = client.post(reverse("wagtailusers_users:delete", args=[everywhere.person.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("person-erase", args=[everywhere.person.pk])
    followed = client.get(response["Location"]).content.decode()
    assert "cannot be deleted: the audit trail and other records name them" in followed
    assert User.objects.count() == users_before


def test_a_person_named_nowhere_can_still_be_deleted(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    nobody = UserFactory()
    client.login(email=superuser.email, password=PASSWORD)

    response = client.post(reverse("wagtailusers_users:delete", args=[nobody.pk]))

    assert response.status_code == 302
    assert not User.objects.filter(pk=nobody.pk).exists()


def test_the_django_admin_offers_no_delete_and_never_answers_500(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    everywhere = person_everywhere()
    client.login(email=superuser.email, password=PASSWORD)

    page = client.get(f"/django-admin/people/user/{everywhere.person.pk}/delete/")
    sent = client.post(f"/django-admin/people/user/{everywhere.person.pk}/delete/", {"post": "yes"})

    assert page.status_code == 403
    assert sent.status_code == 403
    assert User.objects.filter(pk=everywhere.person.pk).exists()
