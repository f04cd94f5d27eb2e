"""Subject access: everything held about one person, from every app, and
the rule that no model naming a person can be left out of it."""

import json

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse
from django_fsm_log.models import StateLog

from foundation.personal_data import personal_records
from people import roles
from people.models import User
from tests.people.everywhere import person_everywhere
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# Our apps, where a field holding a name, an e-mail address or a telephone
# number is personal data unless declared.
PROJECT_APPS = {app.split(".")[0] for app in settings.INSTALLED_APPS[:13]}
NAME_LIKE = ("_name", "_email", "_phone")


def _fields_naming_people(model):
    for field in model._meta.get_fields():
        if not field.concrete or field.model is not model:
            continue  # declared on a parent model, checked there
        if (field.is_relation and field.related_model is User) or (
            model._meta.app_label in PROJECT_APPS
            and model is not User
            and (isinstance(field, models.EmailField) or field.name.endswith(NAME_LIKE))
        ):
            yield field.name


def test_every_model_naming_a_person_is_declared():
    """A model with a foreign key to a person, or an e-mail address, a
    name or a telephone number, must be declared in its app's
    personal_data.py: otherwise subject access and erasure would miss it."""
    declared = {d.model_class: d.covered_fields() for d in personal_records()}
    missing = [
        f"{model._meta.label}.{name}"
        for model in apps.get_models()
        for name in _fields_naming_people(model)
        if name not in declared.get(model, set())
    ]
    assert missing == []


def test_every_declared_field_exists():
    """A field renamed or removed would break every export and erasure."""
    for declaration in personal_records():
        model = declaration.model_class
        for lookup in declaration.people:
            model._default_manager.filter(**{lookup: 1}).exists()
        for name in (*declaration.emails, *declaration.shown, *declaration.erase):
            model._meta.get_field(name)


def test_the_coverage_check_would_catch_a_forgotten_model():
    # The audit trail's `by` is covered only by its declaration.
    declared = {d.model_class: d.covered_fields() for d in personal_records()}
    assert "by" in declared[StateLog]
    assert "by" in list(_fields_naming_people(StateLog))
    assert "contact_phone" in declared[apps.get_model("assets.Asset")]


@pytest.fixture
def administrator(db):
    return UserFactory(roles=[roles.ADMINISTRATOR])


def _export(client, person) -> dict:
    response = client.get(reverse("personal-data-json", args=[person.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="personal-data-{person.pk}.json"'
    )
    return json.loads(response.content)


def test_the_export_holds_every_record_naming_the_person(client, administrator):
    everywhere = person_everywhere()
    client.login(email=administrator.email, password=PASSWORD)

    export = _export(client, everywhere.person)

    assert export["person"] == "Jane Doe"
    assert export["email"] == "jane.doe@example.org"
    found = {section["label"]: section["rows"] for section in export["sections"]}
    assert set(found) >= {
        "Account",
        "Organisations they act for",
        "Invitations to join an organisation",
        "Grant applications they started or edited",
        "Files they uploaded to grant applications",
        "Questions asked or answered while assessing",
        "Grant offers they accepted",
        "Monitoring returns they sent or reviewed",
        "Panel seats",
        "Submissions they were asked to score, and their declarations",
        "Scores they gave",
        "Bid versions they submitted",
        "Files they uploaded to bids",
        "Clarification questions they asked or answered",
        "Tenders they registered interest in",
        "Published deadlines they moved",
        "Assets listing them as the contact",
        "Claims to hold or run an asset",
        "Suggestions for the asset map",
        "Reminders e-mailed to them",
        "Notifications on their dashboard",
        "Reminder settings",
        "Audit trail entries made by them",
    }
    # Invitations: the one she sent and the one sent to her address,
    # matched whatever its capitals.
    assert len(found["Invitations to join an organisation"]) == 2
    files = [row["original_name"] for row in found["Files they uploaded to grant applications"]]
    assert files == ["Jane Doe bank statement.pdf"]
    assert [row["original_name"] for row in found["Files they uploaded to bids"]] == [
        "Jane Doe method statement.pdf"
    ]
    declarations = found["Submissions they were asked to score, and their declarations"]
    assert declarations[0]["conflict_nature"] == "My sister chairs the group"
    assert [row["transition"] for row in found["Audit trail entries made by them"]] == ["submit"]
    # Nothing about the officer who asked her a question.
    assert "Olu Officer" not in json.dumps(export)


def test_the_page_shows_the_same_and_each_export_is_audited(client, administrator):
    everywhere = person_everywhere()
    client.login(email=administrator.email, password=PASSWORD)
    before = StateLog.objects.filter(transition="subject_access_exported").count()

    page = client.get(reverse("personal-data", args=[everywhere.person.pk]))
    _export(client, everywhere.person)

    assert page.status_code == 200
    html = page.content.decode()
    assert "Everything held about Jane Doe" in html
    assert "Jane Doe method statement.pdf" in html
    assert "Grant offers they accepted" in html
    exports = StateLog.objects.filter(transition="subject_access_exported")
    assert exports.count() == before + 2
    assert set(exports.values_list("by", flat=True)) == {administrator.pk}


def test_an_administrator_finds_a_person_by_name_or_address(client, administrator):
    UserFactory(first_name="Jane", last_name="Doe", email="jane.doe@example.org")
    UserFactory(first_name="John", last_name="Smith", email="john@example.org")
    client.login(email=administrator.email, password=PASSWORD)

    by_name = client.get(reverse("personal-data-find"), {"q": "jane doe"}).content.decode()
    by_address = client.get(reverse("personal-data-find"), {"q": "JOHN@"}).content.decode()
    empty = client.get(reverse("personal-data-find"), {"q": ""}).content.decode()

    assert "Jane Doe" in by_name and "John Smith" not in by_name
    assert "John Smith" in by_address and "Jane Doe" not in by_address
    assert "Enter part of a name or an e-mail address" in empty


@pytest.mark.parametrize(
    "role", [roles.COMMISSIONER, roles.GRANTS_OFFICER, roles.PANEL_MEMBER, roles.APPLICANT]
)
def test_nobody_but_an_administrator_sees_or_erases_personal_data(client, role):
    someone = UserFactory(roles=[role])
    person = UserFactory(first_name="Jane", last_name="Doe")
    client.login(email=someone.email, password=PASSWORD)

    for name in ("personal-data", "personal-data-json", "person-erase"):
        assert client.get(reverse(name, args=[person.pk])).status_code == 403
    assert client.get(reverse("personal-data-find")).status_code == 403
    refused = client.post(
        reverse("person-erase", args=[person.pk]), {"reason": "asked", "confirmed": "on"}
    )

    assert refused.status_code == 403
    person.refresh_from_db()
    assert person.get_full_name() == "Jane Doe"
    assert not StateLog.objects.filter(transition="subject_access_exported").exists()


def test_someone_signed_out_is_sent_to_sign_in(client, db):
    person = UserFactory()
    response = client.get(reverse("personal-data", args=[person.pk]))
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]
