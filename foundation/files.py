"""Private files: what organisations upload (applications, bids, tender
documents before publication) is never at a public address.

Files are stored in the "private" storage, outside MEDIA_ROOT, under a name
the uploader does not choose, and reach a person only through a view that
applies the same rule as the record the file belongs to (`file_download`).
The storage has no public URL at all, so no template can print one.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage, InMemoryStorage, storages
from django.http import FileResponse, HttpResponse
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header
from django_fsm_log.models import StateLog


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
    accel = settings.PRIVATE_FILES_ACCEL_REDIRECT
    if accel:
        # The web server sends the bytes from its internal location.
        response = HttpResponse()
        response["X-Accel-Redirect"] = f"{accel.rstrip('/')}/{file.name}"
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = _attachment(filename)
    else:
        response = FileResponse(file.open("rb"), as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _attachment(filename: str) -> str:
    return content_disposition_header(as_attachment=True, filename=filename)
