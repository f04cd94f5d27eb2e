"""Private files in production: handed to the web server or to a private
S3-compatible bucket by a short-lived signed URL, never by a public path,
and only after the record's own rule has allowed the download."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django_fsm_log.models import StateLog

from foundation.files import PrivateFileSystemStorage, PrivateS3Storage
from grants.models import Application, ApplicationDocument
from tests.grants.factories import RoundFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
SECRET = b"%PDF-1.4 our treasurer's bank statement"


@pytest.fixture
def document():
    member = MembershipFactory(organisation=OrganisationFactory()).user
    application = Application.objects.create(
        round=RoundFactory(),
        organisation=member.memberships.get().organisation,
        created_by=member,
        reference="G-0001",
        project_title="Lunch club",
    )
    return ApplicationDocument.objects.create(
        application=application,
        question_id="accounts",
        original_name="Bank statement March.pdf",
        size=len(SECRET),
        uploaded_by=member,
        file=ContentFile(SECRET, "Bank statement March.pdf"),
    )


@pytest.fixture
def storage_swapped(monkeypatch):
    """Put another storage behind the file field, as STORAGES["private"]
    does in production."""

    def swap(storage):
        monkeypatch.setattr(ApplicationDocument._meta.get_field("file"), "storage", storage)

    return swap


def owner_of(document):
    return document.uploaded_by


def get(client, person, document):
    client.force_login(person)
    return client.get(reverse("application-file", args=[document.pk]))


def test_nginx_gets_an_internal_redirect(client, settings, document):
    settings.PRIVATE_FILES_ACCEL_REDIRECT = "/protected/"

    response = get(client, owner_of(document), document)

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected/{document.file.name}"
    assert response.content == b""
    assert response["Content-Disposition"] == ('attachment; filename="Bank statement March.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_apache_gets_the_path_on_disk(client, settings, tmp_path, document, storage_swapped):
    settings.PRIVATE_FILES_SENDFILE = True
    disk = PrivateFileSystemStorage(location=tmp_path)
    disk.save(document.file.name, ContentFile(SECRET))
    storage_swapped(disk)

    response = get(client, owner_of(document), document)

    assert response.status_code == 200
    assert response["X-Sendfile"] == str(tmp_path / document.file.name)
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"


def bucket(settings) -> PrivateS3Storage:
    settings.PRIVATE_FILES_URL_SECONDS = 60
    return PrivateS3Storage(
        bucket_name="council-private",
        endpoint_url="https://objects.example.net",
        region_name="eu-west-2",
        access_key="AKIAEXAMPLE",
        secret_key="not-a-real-secret",
        signature_version="s3v4",
    )


def test_s3_gets_a_short_lived_signed_address(client, settings, document, storage_swapped):
    storage_swapped(bucket(settings))

    response = get(client, owner_of(document), document)

    assert response.status_code == 302
    address = urlsplit(response["Location"])
    query = parse_qs(address.query)
    assert address.netloc == "objects.example.net"
    assert address.path == f"/council-private/{document.file.name}"
    assert query["X-Amz-Expires"] == ["60"]
    assert "X-Amz-Signature" in query
    assert query["response-content-disposition"] == [
        'attachment; filename="Bank statement March.pdf"'
    ]
    assert query["response-content-type"] == ["application/octet-stream"]
    assert response["Cache-Control"] == "private, no-store"
    assert StateLog.objects.filter(transition="file_downloaded").count() == 1


def test_the_bucket_gives_no_unsigned_address(settings):
    with pytest.raises(ValueError, match="no public address"):
        bucket(settings).url("applications/anything.pdf")


@pytest.mark.parametrize("hand_off", ["nginx", "apache", "s3"])
def test_the_record_s_rule_comes_first(
    client, settings, tmp_path, document, storage_swapped, hand_off
):
    if hand_off == "nginx":
        settings.PRIVATE_FILES_ACCEL_REDIRECT = "/protected/"
    elif hand_off == "apache":
        settings.PRIVATE_FILES_SENDFILE = True
        storage_swapped(PrivateFileSystemStorage(location=tmp_path))
    else:
        storage_swapped(bucket(settings))
    outsider = MembershipFactory(organisation=OrganisationFactory()).user

    refused = get(client, outsider, document)
    signed_out = client.logout() or client.get(reverse("application-file", args=[document.pk]))

    for response in (refused, signed_out):
        assert response.status_code in (302, 403)
        assert "X-Accel-Redirect" not in response
        assert "X-Sendfile" not in response
        assert "amazonaws" not in response.get("Location", "")
        assert "objects.example.net" not in response.get("Location", "")
    assert refused.status_code == 403
    assert not StateLog.objects.filter(transition="file_downloaded").exists()
