"""Private files: what organisations upload (applications, bids, tender
documents before publication) is never at a public address.

Files are stored in the "private" storage, outside MEDIA_ROOT, under a name
the uploader does not choose, and reach a person only through a view that
applies the same rule as the record the file belongs to (`file_download`).
The storage has no public URL at all, so no template can print one.

In production the bytes need not pass through Django. After the record's
rule has allowed the download, `file_download` hands it off, as the
settings say:

- `PRIVATE_FILES_ACCEL_REDIRECT` (nginx): an `X-Accel-Redirect` to an
  `internal;` location aliased to PRIVATE_FILES_ROOT;
- `PRIVATE_FILES_SENDFILE` (Apache mod_xsendfile, lighttpd): an
  `X-Sendfile` header with the file's path on disk;
- S3-compatible storage (`PrivateS3Storage`, STORAGES["private"]): a
  redirect to a signed URL that lapses after PRIVATE_FILES_URL_SECONDS
  and makes the bucket send the file as the same attachment. Signing is
  done locally by boto3; the bucket stays private.

None of these is a public path: the internal location answers only to the
web server's own redirect, and a signed URL only until it lapses.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage, InMemoryStorage, storages
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header
from django_fsm_log.models import StateLog
from storages.backends.s3 import S3Storage


class PrivateFileSystemStorage(FileSystemStorage):
    """Local disk outside MEDIA_ROOT, with no URL."""

    def __init__(self, **kwargs):
        kwargs.setdefault("location", settings.PRIVATE_FILES_ROOT)
        kwargs["base_url"] = None
        super().__init__(**kwargs)

    def url(self, name):
        raise ValueError("Private files have no public address: link to their download view.")


class PrivateInMemoryStorage(InMemoryStorage):
    """The same rule for the test suite: in memory, with no URL."""

    def url(self, name):
        raise ValueError("Private files have no public address: link to their download view.")


class PrivateS3Storage(S3Storage):
    """A private S3-compatible bucket: objects are never public, and the only
    address of one is a signed URL that lapses within a minute or so."""

    default_acl = "private"
    querystring_auth = True
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not parameters:
            raise ValueError("Private files have no public address: link to their download view.")
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)

    def signed_url(self, name: str, *, filename: str) -> str:
        """A short-lived address from which the bucket sends the file as an
        attachment named `filename`, never shown inline."""
        return self.url(
            name,
            parameters={
                "ResponseContentDisposition": _attachment(filename),
                "ResponseContentType": "application/octet-stream",
            },
            expire=settings.PRIVATE_FILES_URL_SECONDS,
        )


def private_storage():
    """The "private" storage of settings.STORAGES (a callable, so each
    environment chooses its own)."""
    return storages["private"]


@deconstructible
class PrivateName:
    """`<folder>/<random>.<extension>`: nothing of the uploader's file name,
    which may hold personal data and would make the address guessable."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        extension = PurePath(filename).suffix.lower()[:10]
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, PrivateName) and other.folder == self.folder


def file_download(request, *, document, file, filename: str) -> HttpResponse:
    """Send a private file to a person the caller has already allowed, as a
    download that no browser runs or caches, and audit it."""
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(document),
        object_id=document.pk,
        by=request.user if request.user.is_authenticated else None,
        source_state="stored",
        state="stored",
        transition="file_downloaded",
        description=f"Downloaded {filename}",
    )
    storage = file.storage
    accel = settings.PRIVATE_FILES_ACCEL_REDIRECT
    if hasattr(storage, "signed_url"):
        # The bucket sends the bytes; the address lapses within a minute.
        response = HttpResponseRedirect(storage.signed_url(file.name, filename=filename))
    elif accel:
        # The web server sends the bytes from its internal location.
        response = _handed_off("X-Accel-Redirect", f"{accel.rstrip('/')}/{file.name}", filename)
    elif settings.PRIVATE_FILES_SENDFILE:
        response = _handed_off("X-Sendfile", storage.path(file.name), filename)
    else:
        response = FileResponse(file.open("rb"), as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _handed_off(header: str, value: str, filename: str) -> HttpResponse:
    response = HttpResponse()
    response[header] = value
    response["Content-Type"] = "application/octet-stream"
    response["Content-Disposition"] = _attachment(filename)
    return response


def _attachment(filename: str) -> str:
    return content_disposition_header(as_attachment=True, filename=filename)
