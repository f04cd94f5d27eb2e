"""Files attached to an application: private. Only the applying
organisation reads them while a draft; once submitted, the grants officers
too; never another organisation, a panel member not scoring it, or anyone
signed out. Every download is audited and sent as an attachment that is
neither run nor cached."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django_fsm_log.models import StateLog

from grants.models import ApplicationDocument
from grants.services import applying
from people import roles
from tests.grants.conftest import draft
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
SECRET = b"%PDF-1.4 our treasurer's bank statement"


@pytest.fixture
def application(grant_round, organisation, member):
    return draft(grant_round, organisation, member)


@pytest.fixture
def document(application, member):
    return ApplicationDocument.objects.create(
        application=application,
        question_id="accounts",
        original_name="Bank statement March.pdf",
        size=len(SECRET),
        uploaded_by=member,
        file=ContentFile(SECRET, "Bank statement March.pdf"),
    )


def download(client, document):
    response = client.get(reverse("application-file", args=[document.pk]))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def outsiders():
    return {
        "another organisation": MembershipFactory(organisation=OrganisationFactory()).user,
        "panel member": UserFactory(roles=[roles.PANEL_MEMBER]),
        "commissioner": UserFactory(roles=[roles.COMMISSIONER]),
        "applicant": UserFactory(roles=[roles.APPLICANT]),
    }


def test_the_stored_name_is_not_the_uploaders_and_has_no_public_address(document):
    assert "Bank statement" not in document.file.name
    assert document.file.name.startswith("applications/") and document.file.name.endswith(".pdf")
    with pytest.raises(ValueError, match="no public address"):
        document.file.url  # noqa: B018


def test_the_organisation_downloads_its_own_file_as_an_attachment(client, member, document):
    client.force_login(member)
    response, body = download(client, document)
    assert response.status_code == 200
    assert body == SECRET
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Bank statement March.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    audit = StateLog.objects.get(transition="file_downloaded")
    assert audit.by == member and audit.object_id == document.pk


@pytest.mark.parametrize(
    "who", ["another organisation", "panel member", "commissioner", "applicant", "grants officer"]
)
def test_nobody_else_reads_a_draft_s_file(client, document, who):
    person = outsiders().get(who) or UserFactory(roles=[roles.GRANTS_OFFICER])
    client.force_login(person)
    response, body = download(client, document)
    assert response.status_code == 403
    assert SECRET not in body
    assert not StateLog.objects.filter(transition="file_downloaded").exists()


def test_signed_out_is_sent_to_sign_in(client, document):
    response, body = download(client, document)
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    assert SECRET not in body


@pytest.mark.parametrize("who", ["another organisation", "panel member", "commissioner"])
def test_once_submitted_the_officers_read_it_and_still_nobody_else(
    client, application, member, document, officer, who
):
    applying.application_submit(application=application, actor=member)
    client.force_login(officer)
    response, body = download(client, document)
    assert response.status_code == 200 and body == SECRET

    client.force_login(outsiders()[who])
    response, body = download(client, document)
    assert response.status_code == 403 and SECRET not in body


def test_the_officers_page_links_to_the_file(client, application, member, document, officer):
    applying.application_submit(application=application, actor=member)
    client.force_login(officer)
    page = client.get(reverse("application-manage", args=[application.pk])).content.decode()
    assert reverse("application-file", args=[document.pk]) in page
    assert "Bank statement March.pdf" in page
