"""Checking uploaded files by what they are, not only what they are called.

A file must have an allowed extension, something in it, a size within the
limit, and content that matches its extension: its opening bytes, or for
Office and OpenDocument files the parts inside the zip. Browsers' own
content types are not trusted: they are guessed from the name.
"""

import codecs
import math
import zipfile
from collections.abc import Callable
from typing import NamedTuple

from django.core.exceptions import ValidationError

MB = 1024 * 1024


class FileType(NamedTuple):
    name: str  # as applicants know it; also the label staff pick from
    mime_types: tuple[str, ...]  # what browsers send for it, for information and `accept`
    matches: Callable  # (uploaded file) -> bool: the content really is this type
    fix: str  # what to do when the content does not match


def _starts_with(signature: bytes, *, within: int = 0) -> Callable:
    def check(upload) -> bool:
        head = upload.read(len(signature) + within)
        return signature in head if within else head == signature

    return check


def _zip_with(*, parts: tuple[str, ...] = (), folder: str = "", mimetype: bytes = b"") -> Callable:
    """Office files are zips holding [Content_Types].xml and their own folder
    (word/ or xl/); OpenDocument files are zips whose `mimetype` entry names
    their type. Only the names and that tiny entry are read, so a zip bomb
    costs nothing."""

    def check(upload) -> bool:
        if upload.read(4) != b"PK\x03\x04":
            return False
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                if not set(parts) <= names or not any(n.startswith(folder) for n in names):
                    return False
                if mimetype:
                    with archive.open("mimetype") as entry:
                        return entry.read(len(mimetype) + 2).strip() == mimetype
                return True
        except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError, ValueError):
            return False

    return check


def _utf8_text(upload) -> bool:
    """CSV must be UTF-8 text (a byte-order mark is fine): Excel's plain
    'CSV' is Windows-1252, which garbles £ signs and accented names."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        for chunk in upload.chunks():
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


_RESAVE = "Open it, save it again as {name}, and upload that copy."
_PASSWORD = "If it has a password, remove the password first. " + _RESAVE

ALLOWED_TYPES: dict[str, FileType] = {
    # Acrobat accepts "%PDF-" anywhere in the first 1,024 bytes, and some
    # scanners write a few bytes before it; an HTML page never has it there.
    "pdf": FileType("PDF", ("application/pdf",), _starts_with(b"%PDF-", within=1024), _RESAVE),
    "docx": FileType(
        "Word document",
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        _zip_with(parts=("[Content_Types].xml",), folder="word/"),
        _PASSWORD,
    ),
    "xlsx": FileType(
        "Excel spreadsheet",
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",),
        _zip_with(parts=("[Content_Types].xml",), folder="xl/"),
        _PASSWORD,
    ),
    "odt": FileType(
        "OpenDocument text",
        ("application/vnd.oasis.opendocument.text",),
        _zip_with(mimetype=b"application/vnd.oasis.opendocument.text"),
        _RESAVE,
    ),
    "ods": FileType(
        "OpenDocument spreadsheet",
        ("application/vnd.oasis.opendocument.spreadsheet",),
        _zip_with(mimetype=b"application/vnd.oasis.opendocument.spreadsheet"),
        _RESAVE,
    ),
    "csv": FileType(
        "CSV file",
        ("text/csv", "application/vnd.ms-excel"),
        _utf8_text,
        "In Excel choose Save As, then 'CSV UTF-8 (Comma delimited)', and upload that copy.",
    ),
    "png": FileType("PNG image", ("image/png",), _starts_with(b"\x89PNG\r\n\x1a\n"), _RESAVE),
    "jpg": FileType("JPEG image", ("image/jpeg",), _starts_with(b"\xff\xd8\xff"), _RESAVE),
}


def _a(name: str) -> str:
    # Every name above starts with a letter said as it is written, so the
    # letter settles a/an: "an Excel spreadsheet", "a PDF".
    return f"an {name}" if name[0] in "AEIOU" else f"a {name}"


def _extension(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return "jpg" if extension == "jpeg" else extension


def describe(allowed_types) -> str:
    """'a PDF or Word document (.pdf, .docx)', for hints and messages."""
    known = [t for t in allowed_types if t in ALLOWED_TYPES]
    names = [ALLOWED_TYPES[t].name for t in known]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return f"{_a(listed)} ({', '.join('.' + t for t in known)})"


def accept_attribute(allowed_types) -> str:
    """For <input type=file accept=…>, so the file picker offers only these.
    Extensions, not MIME types: Windows sends application/vnd.ms-excel for a
    CSV, and accepting that would offer every .xls too."""
    extensions = [f".{t}" for t in allowed_types if t in ALLOWED_TYPES]
    return ",".join(extensions + ([".jpeg"] if "jpg" in allowed_types else []))


def validate_upload(uploaded_file, *, allowed_types, max_size_mb) -> None:
    """Refuse a file that is not what a question asks for, saying why and
    what to do. The file is left at its start, ready to be stored."""
    extension = _extension(uploaded_file.name)
    if extension not in allowed_types or extension not in ALLOWED_TYPES:
        what = (
            f"This file is a .{extension}."
            if extension
            else "This file's name is without an extension, so we cannot tell what it is."
        )
        raise ValidationError(f"{what} Upload {describe(allowed_types)}.", code="file_type")
    if not uploaded_file.size:
        raise ValidationError(
            "This file is empty. Check you chose the right file, then upload it again.",
            code="file_empty",
        )
    if uploaded_file.size > max_size_mb * MB:
        # Rounded up, so a file just over the limit never reads as "10.0 MB".
        size = math.ceil(uploaded_file.size * 10 / MB) / 10
        raise ValidationError(
            f"This file is {size:.1f} MB. The limit is {max_size_mb} MB.", code="file_size"
        )
    file_type = ALLOWED_TYPES[extension]
    uploaded_file.seek(0)
    try:
        matches = file_type.matches(uploaded_file)
    finally:
        uploaded_file.seek(0)
    if not matches:
        raise ValidationError(
            f"This file's name ends in .{extension}, but it is not a real {file_type.name}. "
            + file_type.fix.format(name=_a(file_type.name)),
            code="file_content",
        )
