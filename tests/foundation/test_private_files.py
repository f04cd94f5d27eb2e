"""Private files live apart from the public media folder and have no URL."""

from pathlib import Path

import pytest
from django.conf import settings

from foundation.files import PrivateFileSystemStorage, PrivateName


def test_private_files_are_not_under_the_public_media_folder():
    assert not Path(settings.PRIVATE_FILES_ROOT).is_relative_to(settings.MEDIA_ROOT)


def test_the_private_storage_gives_no_address(tmp_path):
    storage = PrivateFileSystemStorage(location=tmp_path)
    with pytest.raises(ValueError, match="no public address"):
        storage.url("bids/anything.pdf")


def test_a_stored_name_is_random_and_keeps_only_the_extension():
    name = PrivateName("bids")
    first, second = name(None, "Our Prices FINAL.PDF"), name(None, "Our Prices FINAL.PDF")
    assert first != second
    assert first.startswith("bids/") and first.endswith(".pdf")
    assert "Prices" not in first
