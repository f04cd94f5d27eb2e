"""The e-mails in the outbox name the person they went to: subject access
lists them, erasure scrubs them, and a year after sending the sweep removes
their address and words, by the dates written here by hand. Rows are only
scrubbed, never deleted, so a reminder keeps its e-mail."""

from datetime import UTC, date, datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from foundation.models import OutgoingEmail, OutgoingEmailState
from people import roles
from people.models import User
from people.services.erasure import person_erase
from people.services.retention import retention_schedule, retention_sweep
from people.services.subject_access import subject_access_export
from reminders.models import Reminder
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)  # a year before is 1 June 2025
LABEL = "E-mails sent to them"


def at(year, month, day) -> datetime:
    return datetime(year, month, day, 12, tzinfo=UTC)


def email(to, subject, *, created, sent=None, state=OutgoingEmailState.SENT) -> OutgoingEmail:
    return OutgoingEmail.objects.create(
        topic="Application submitted",
        to=to,
        subject=subject,
        body=f"Dear {to}, ...",
        state=state,
        created_at=created,
        sent_at=sent,
    )


def reminder_for(person: User, sent: OutgoingEmail) -> Reminder:
    return Reminder.objects.create(
        kind="monitoring_due",
        recipient=person,
        subject_type=ContentType.objects.get_for_model(User),
        subject_id=person.pk,
        due_on=date(2025, 5, 30),
        state="sent",
        email=sent,
        email_subject=sent.subject,
        email_body=sent.body,
        link="/dashboard/",
    )


@pytest.fixture
def jane():
    return UserFactory(first_name="Jane", last_name="Doe", email="jane.doe@example.org")


def test_subject_access_lists_the_emails_sent_to_the_person_without_their_text(jane):
    email("Jane.Doe@example.org", "We have your application G-0001", created=at(2026, 3, 2))
    email("sam@example.org", "We have your application G-0002", created=at(2026, 3, 2))
    administrator = UserFactory(roles=[roles.ADMINISTRATOR])

    export = subject_access_export(actor=administrator, person=jane)

    (section,) = [section for section in export.sections if section.label == LABEL]
    assert [row["subject"] for row in section.rows] == ["We have your application G-0001"]
    assert "Dear" not in str(export.as_json())  # a body may hold a sign-in link


def test_erasure_scrubs_the_address_and_words_of_the_emails_sent_to_the_person(jane):
    hers = email("jane.doe@example.org", "Your return is due, Jane", created=at(2026, 3, 2))
    reminder = reminder_for(jane, hers)
    others = email("sam@example.org", "Your return is due, Sam", created=at(2026, 3, 2))

    person_erase(actor=None, person=jane, reason="request of 3 March")

    hers.refresh_from_db()
    assert hers.to.endswith("@erased.invalid")
    assert (hers.subject, hers.body) == ("Removed", "")
    assert hers.state == OutgoingEmailState.SENT
    reminder.refresh_from_db()
    assert reminder.email == hers  # the reminder still knows it was sent
    others.refresh_from_db()
    assert (others.to, others.subject) == ("sam@example.org", "Your return is due, Sam")


def test_sent_emails_are_kept_a_year_after_sending_then_scrubbed(jane):
    schedule = {entry.key: (entry.label, entry.period) for entry in retention_schedule()}
    assert schedule["foundation.sent_email"] == ("E-mails we sent you", "1 year")
    # Sent on 31 May 2025: the year ran out on 1 June 2026.
    old = email("jane.doe@example.org", "Old news", created=at(2025, 5, 31), sent=at(2025, 5, 31))
    reminder = reminder_for(jane, old)
    # Written before the cutoff but only sent on 2 June 2025, after retries.
    late = email("jane.doe@example.org", "Sent late", created=at(2025, 5, 20), sent=at(2025, 6, 2))
    # Never sent: failed for good on 30 May 2025, counted from when written.
    failed = email(
        "nobody@example.org",
        "Bounced",
        created=at(2025, 5, 30),
        state=OutgoingEmailState.FAILED,
    )
    # Still waiting to go: nothing runs out before it is sent.
    queued = email(
        "sam@example.org", "Waiting", created=at(2025, 1, 1), state=OutgoingEmailState.QUEUED
    )

    changed = retention_sweep(today=TODAY)

    assert changed == {LABEL: 2}
    subjects = dict(OutgoingEmail.objects.values_list("pk", "subject"))
    assert subjects == {
        old.pk: "Removed",
        late.pk: "Sent late",
        failed.pk: "Removed",
        queued.pk: "Waiting",
    }
    old.refresh_from_db()
    assert old.to.endswith("@erased.invalid") and old.body == ""
    reminder.refresh_from_db()
    assert reminder.email == old
    # A second run the same day finds nothing more to do.
    assert retention_sweep(today=TODAY) == {}
