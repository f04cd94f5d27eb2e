"""The retention schedule and the monthly sweep: only what has passed its
period is anonymised, by the dates written here by hand."""

from datetime import UTC, date, datetime

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django_fsm_log.models import StateLog

from assets.models import AssetSuggestion
from grants.models import Application, ApplicationDocument
from people import roles
from people.models import RetentionRule, User
from people.services.retention import retention_schedule, retention_sweep
from reminders.models import Notification
from tests.grants.factories import RoundFactory
from tests.organisations.factories import OrganisationFactory
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


def at(year, month, day) -> datetime:
    return datetime(year, month, day, 12, tzinfo=UTC)


def declined_application(*, decided_at, by=None, file_name="accounts.pdf") -> Application:
    by = by or UserFactory(last_login=at(2026, 5, 1))
    application = Application.objects.create(
        round=RoundFactory(),
        organisation=OrganisationFactory(),
        created_by=by,
        reference=f"G-{Application.objects.count() + 1:04d}",
        project_title="Lunch club",
    )
    Application.objects.filter(pk=application.pk).update(state="declined", decided_at=decided_at)
    ApplicationDocument.objects.create(
        application=application,
        question_id="accounts",
        file=ContentFile(b"%PDF-1.4", name="a.pdf"),
        original_name=file_name,
        size=8,
        uploaded_by=by,
    )
    return application


def test_the_migration_seeds_a_period_for_every_kind():
    periods = {entry.key: entry.months for entry in retention_schedule()}
    stored = dict(RetentionRule.objects.values_list("kind", "months"))
    assert stored == periods
    assert periods["grants.unsuccessful_applications"] == 24
    assert periods["grants.grants"] == 72
    assert periods["commissioning.unsuccessful_bids"] == 36
    assert periods["people.dormant_accounts"] == 36


def test_unsuccessful_applications_lose_file_names_two_years_after_the_decision():
    # Two years before 1 June 2026 is 1 June 2024.
    declined_application(decided_at=at(2024, 5, 31), file_name="Jane Doe statement.pdf")
    declined_application(decided_at=at(2024, 6, 2), file_name="Sam Roe statement.pdf")

    changed = retention_sweep(today=TODAY)

    names = sorted(ApplicationDocument.objects.values_list("original_name", flat=True))
    assert names == ["File removed", "Sam Roe statement.pdf"]
    assert changed == {"Files they uploaded to grant applications": 1}
    # A second run the same day finds nothing more to do.
    assert retention_sweep(today=TODAY) == {}


def test_an_administrator_lengthens_a_period_and_the_sweep_follows():
    declined_application(decided_at=at(2024, 5, 31), file_name="Jane Doe statement.pdf")
    RetentionRule.objects.filter(kind="grants.unsuccessful_applications").update(months=48)

    retention_sweep(today=TODAY)

    assert ApplicationDocument.objects.get().original_name == "Jane Doe statement.pdf"


def test_suggesters_names_go_a_year_after_moderation():
    for moderated_at in (at(2025, 5, 31), at(2025, 6, 2)):
        AssetSuggestion.objects.create(
            proposed={"name": "New hall"},
            suggested_by_name="Jane Doe",
            suggested_by_email="jane@example.org",
            moderated_at=moderated_at,
            state="accepted",
        )
    AssetSuggestion.objects.create(
        proposed={"name": "Waiting"}, suggested_by_name="Sam Roe", suggested_by_email="s@x.org"
    )

    retention_sweep(today=TODAY)

    kept = AssetSuggestion.objects.order_by("moderated_at").values_list(
        "suggested_by_name", "suggested_by_email"
    )
    first, second, waiting = list(kept.filter(moderated_at__isnull=False)) + list(
        kept.filter(moderated_at__isnull=True)
    )
    assert first[0].startswith("Person ") and first[1] == ""
    assert second == ("Jane Doe", "jane@example.org")
    assert waiting == ("Sam Roe", "s@x.org")


def test_notifications_are_deleted_a_year_after_they_were_made():
    person = UserFactory(last_login=at(2026, 5, 1))
    Notification.objects.create(user=person, text="Old", link="/", created_at=at(2025, 5, 31))
    Notification.objects.create(user=person, text="New", link="/", created_at=at(2025, 6, 2))

    retention_sweep(today=TODAY)

    assert list(Notification.objects.values_list("text", flat=True)) == ["New"]


def test_dormant_accounts_are_erased_only_once_nothing_naming_them_is_kept():
    # Three years before 1 June 2026 is 1 June 2023.
    gone = UserFactory(first_name="Gone", last_login=at(2023, 5, 31))
    recent = UserFactory(first_name="Recent", last_login=at(2023, 6, 2))
    never = UserFactory(first_name="Never", last_login=None, date_joined=at(2023, 5, 1))
    applied = UserFactory(first_name="Applied", last_login=at(2023, 5, 31))
    declined_application(decided_at=at(2025, 1, 10), by=applied)
    superuser = UserFactory(first_name="Root", is_superuser=True, last_login=at(2020, 1, 1))

    changed = retention_sweep(today=TODAY)

    names = {p.pk: p.first_name for p in User.objects.all()}
    assert names[gone.pk] == "Person"
    assert names[never.pk] == "Person"
    assert names[recent.pk] == "Recent"
    assert names[applied.pk] == "Applied"
    assert names[superuser.pk] == "Root"
    assert changed["People erased"] == 2
    erasures = StateLog.objects.filter(transition="personal_data_erased")
    assert sorted(erasures.values_list("object_id", flat=True)) == sorted([gone.pk, never.pk])
    assert set(erasures.values_list("by", flat=True)) == {None}
    assert set(erasures.values_list("description", flat=True)) == {
        "Personal data erased: retention period ended"
    }


def test_the_sweep_runs_monthly():
    entry = settings.CELERY_BEAT_SCHEDULE["personal-data-retention"]
    assert entry["task"] == "people.tasks.retention_sweep"
    assert entry["schedule"].day_of_month == {1}


def test_the_privacy_page_states_the_periods_in_force(client):
    RetentionRule.objects.filter(kind="grants.unsuccessful_applications").update(months=30)

    html = client.get("/privacy/").content.decode()

    assert "Grant applications that were not funded" in html
    assert "30 months after the decision" in html
    assert "6 years after the grant ends" in html
    assert "3 years after the contract starts" in html


def test_the_footer_links_to_the_privacy_page(client):
    html = client.get("/").content.decode()
    assert 'href="/privacy/"' in html


def test_administrators_change_periods_in_the_admin_but_cannot_add_kinds(client):
    administrator = UserFactory(roles=[roles.ADMINISTRATOR], is_staff=True)
    client.login(email=administrator.email, password=PASSWORD)
    rule = RetentionRule.objects.get(kind="reminders.sent")

    listing = client.get(reverse("retention-periods:index"))
    edited = client.post(
        reverse("retention-periods:edit", args=[rule.pk]),
        {"months": "18", "reason": "Complaints take longer here"},
    )
    added = client.get("/admin/retention-periods/new/")

    assert listing.status_code == 200
    assert "Reminders and notifications sent to you" in listing.content.decode()
    assert edited.status_code == 302
    rule.refresh_from_db()
    assert rule.months == 18
    assert added.status_code in (302, 403, 404)
    assert RetentionRule.objects.count() == len(retention_schedule())
