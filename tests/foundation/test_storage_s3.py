"""Uploads on S3-compatible storage, tried against a real S3 server (moto's,
started here on a local port): with several web replicas, a file one of
them saved must be read back by any other, privately for organisations'
uploads, and the settings must choose the buckets from the environment."""

import contextlib
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse
from moto.server import ThreadedMotoServer
from storages.backends.s3 import S3Storage

from foundation.files import PrivateS3Storage
from grants.models import Application, ApplicationDocument
from tests.grants.factories import RoundFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory

PORT = 8258
ENDPOINT = f"http://127.0.0.1:{PORT}"
KEYS = {"access_key": "test-access-key", "secret_key": "test-secret-key"}
ROOT = Path(__file__).resolve().parent.parent.parent
STATEMENT = b"%PDF-1.4 the lunch club's bank statement"


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=PORT)
    server.start()
    client = boto3.client(
        "s3",
        endpoint_url=ENDPOINT,
        region_name="eu-west-2",
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )
    for bucket in ("council-media", "council-private"):
        # moto keeps its buckets for the life of the process.
        with contextlib.suppress(client.exceptions.BucketAlreadyOwnedByYou):
            client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
            )
    yield client
    server.stop()


def bucket(storage_class, name):
    return storage_class(
        bucket_name=name,
        endpoint_url=ENDPOINT,
        region_name="eu-west-2",
        signature_version="s3v4",
        **KEYS,
    )


@pytest.mark.django_db
def test_an_upload_saved_by_one_replica_is_downloaded_through_another(
    client, s3_server, monkeypatch
):
    field = ApplicationDocument._meta.get_field("file")
    monkeypatch.setattr(field, "storage", bucket(PrivateS3Storage, "council-private"))
    member = MembershipFactory(organisation=OrganisationFactory()).user
    application = Application.objects.create(
        round=RoundFactory(),
        organisation=member.memberships.get().organisation,
        created_by=member,
        reference="G-0001",
        project_title="Lunch club",
    )
    document = ApplicationDocument.objects.create(
        application=application,
        question_id="accounts",
        original_name="Bank statement March.pdf",
        size=len(STATEMENT),
        uploaded_by=member,
        file=ContentFile(STATEMENT, "Bank statement March.pdf"),
    )
    # In the bucket, and not readable there without a signature.
    stored = s3_server.get_object(Bucket="council-private", Key=document.file.name)
    assert stored["Body"].read() == STATEMENT
    acl = s3_server.get_object_acl(Bucket="council-private", Key=document.file.name)
    assert all("AllUsers" not in str(grant["Grantee"]) for grant in acl["Grants"])

    # Another replica: a storage of its own, the same bucket.
    monkeypatch.setattr(field, "storage", bucket(PrivateS3Storage, "council-private"))
    client.force_login(member)
    response = client.get(reverse("application-file", args=[document.pk]))

    assert response.status_code == 302
    with urllib.request.urlopen(response["Location"], timeout=10) as download:  # noqa: S310
        assert download.read() == STATEMENT
        assert download.headers["Content-Disposition"] == (
            'attachment; filename="Bank statement March.pdf"'
        )


def test_public_media_goes_to_its_bucket_and_back(s3_server):
    media = bucket(S3Storage, "council-media")
    name = media.save("images/st-annes-hall.jpg", ContentFile(b"\xff\xd8\xff a photograph"))

    again = bucket(S3Storage, "council-media")
    with again.open(name) as photo:
        assert photo.read() == b"\xff\xd8\xff a photograph"
    with urllib.request.urlopen(again.url(name), timeout=10) as fetched:  # noqa: S310
        assert fetched.read() == b"\xff\xd8\xff a photograph"


def test_the_default_settings_keep_files_on_local_disk():
    assert type(storages["default"]).__name__ in {"InMemoryStorage", "FileSystemStorage"}


def test_production_settings_take_buckets_cache_and_sessions_from_the_environment(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "MEDIA_", "PRIVATE_FILES_", "CACHE_"))
    } | {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "settings-test-key",
        "ALLOWED_HOSTS": "grants.example.gov.uk",
        "VAR_DIR": str(tmp_path),
        "CACHE_URL": "redis://redis.internal:6379/1",
        "SESSION_CACHE_URL": "redis://sessions.internal:6379/0",
        "MEDIA_BUCKET": "council-media",
        "PRIVATE_FILES_BUCKET": "council-private",
        "PRIVATE_FILES_ENDPOINT_URL": "https://objects.example.net",
    }
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "media, private = s.STORAGES['default'], s.STORAGES['private']; "
        "print(json.dumps({"
        "'caches': {k: [v['BACKEND'], v['LOCATION']] for k, v in s.CACHES.items()}, "
        "'session': s.SESSION_ENGINE, "
        "'media': [media['BACKEND'], media['OPTIONS']['bucket_name'], "
        "media['OPTIONS']['endpoint_url']], "
        "'private': [private['BACKEND'], private['OPTIONS']['bucket_name']]}))"
    )
    run = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    chosen = json.loads(run.stdout.strip().splitlines()[-1])

    assert chosen == {
        "caches": {
            "default": [
                "django.core.cache.backends.redis.RedisCache",
                "redis://redis.internal:6379/1",
            ],
            "sessions": [
                "django.core.cache.backends.redis.RedisCache",
                "redis://sessions.internal:6379/0",
            ],
        },
        "session": "django.contrib.sessions.backends.cache",
        "media": ["storages.backends.s3.S3Storage", "council-media", "https://objects.example.net"],
        "private": ["foundation.files.PrivateS3Storage", "council-private"],
    }
