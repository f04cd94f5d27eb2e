"""The dashboard's reminder settings: one checkbox, a Django form, posted
to the reminders app."""

import pytest
from django.urls import reverse

from reminders.models import ReminderSettings
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
CHECKBOX = '<input class="govuk-checkboxes__input" id="id_optional_reminders"'


def test_optional_reminders_are_on_until_switched_off_and_back_on(client):
    person = UserFactory()
    client.force_login(person)

    first = client.get(reverse("portal-dashboard")).content.decode()
    off = client.post(reverse("reminder-settings"), follow=True)
    unticked = client.get(reverse("portal-dashboard")).content.decode()
    on = client.post(reverse("reminder-settings"), {"optional_reminders": "on"}, follow=True)

    assert "Which reminders to send</legend>" in first
    assert f'{CHECKBOX} name="optional_reminders" type="checkbox" value="on" checked' in first
    assert (
        '<div class="govuk-hint" id="id_optional_reminders-hint">'
        "Reminders about deadlines for things you started always come.</div>"
    ) in first
    assert "Send me optional reminders too (clarification deadlines" in first
    assert "Optional reminders are off." in off.content.decode()
    assert f'{CHECKBOX} name="optional_reminders" type="checkbox" value="on" aria-' in unticked
    assert "Optional reminders are on." in on.content.decode()
    assert ReminderSettings.objects.get(user=person).optional_reminders is True


def test_reminder_settings_are_posted_only_by_the_signed_in_person(client):
    assert client.post(reverse("reminder-settings")).status_code == 302
    assert not ReminderSettings.objects.exists()
    client.force_login(UserFactory())
    assert client.get(reverse("reminder-settings")).status_code == 405
