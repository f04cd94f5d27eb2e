"""Checking uploaded files by what they are, not only what they are called.

A file must have an allowed extension, content that matches it (its
opening bytes, or for Office and OpenDocument files the parts inside the
zip), a size within the limit, and something in it.
"""

import io
import zipfile

from django.core.exceptions import ValidationError

NAMES = {
    "pdf": "PDF",
    "docx": "Word document",
    "xlsx": "Excel spreadsheet",
    "odt": "OpenDocument text",
    "ods": "OpenDocument spreadsheet",
    "csv": "CSV file",
    "png": "PNG image",
    "jpg": "JPEG image",
}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def _zip_names(head: bytes, data: bytes) -> set[str] | None:
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except zipfile.BadZipFile:
        return None


def _content_matches(extension: str, data: bytes) -> bool:
    head = data[:16]
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension == "jpg":
        return head.startswith(b"\xff\xd8\xff")
    if extension == "csv":
        if b"\x00" in data:
            return False
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return False
        return True
    names = _zip_names(head, data)
    if names is None:
        return False
    if extension in ("docx", "xlsx"):
        folder = "word/" if extension == "docx" else "xl/"
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
    if extension in ODF_MIMETYPES:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return (
                "mimetype" in names and archive.read("mimetype").strip() == ODF_MIMETYPES[extension]
            )
    return False


def _extension(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return "jpg" if extension == "jpeg" else extension


def describe(allowed_types) -> str:
    names = [NAMES[t] for t in allowed_types]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return f"{listed} ({', '.join('.' + t for t in allowed_types)})"


def validate_upload(uploaded_file, *, allowed_types, max_size_mb) -> None:
    extension = _extension(uploaded_file.name)
    if extension not in allowed_types:
        shown = f"a .{extension}" if extension else "without an extension"
        raise ValidationError(
            f"This file is {shown}. Upload a {describe(allowed_types)}.", code="file_type"
        )
    if uploaded_file.size == 0:
        raise ValidationError("This file is empty. Choose the file again.", code="file_empty")
    if uploaded_file.size > max_size_mb * 1024 * 1024:
        raise ValidationError(
            f"This file is {uploaded_file.size / 1024 / 1024:.1f} MB. "
            f"The limit is {max_size_mb} MB.",
            code="file_size",
        )
    uploaded_file.seek(0)
    data = uploaded_file.read()
    uploaded_file.seek(0)
    if not _content_matches(extension, data):
        raise ValidationError(
            f"This file is called .{extension} but is not a real {NAMES[extension]}. "
            "Save it again in that format and upload it.",
            code="file_content",
        )
