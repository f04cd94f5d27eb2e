"""Uploads are checked by what they are, not only by what they are called,
and every refusal tells a volunteer what to do next."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from grants.uploads import MB, accept_attribute, validate_upload

WORD_OR_PDF = {"allowed_types": ["pdf", "docx"], "max_size_mb": 10}


def zip_of(entries: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return zip_of({"[Content_Types].xml": "<Types/>", "word/document.xml": "<document/>"})


def refusal(name: str, content: bytes, **rules) -> str:
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile(name, content), **(rules or WORD_OR_PDF))
    return error.value.messages[0]


def test_a_real_word_document_is_accepted_and_left_ready_to_store():
    upload = SimpleUploadedFile("plan.docx", docx_bytes())
    validate_upload(upload, **WORD_OR_PDF)
    assert upload.read() == docx_bytes()


def test_a_large_upload_kept_on_disk_is_checked_and_rewound():
    # Django keeps uploads over 2.5 MB in a temporary file, not in memory.
    upload = TemporaryUploadedFile("plan.docx", "application/octet-stream", 0, None)
    upload.write(docx_bytes())
    upload.size = upload.tell()
    validate_upload(upload, **WORD_OR_PDF)
    assert upload.read(4) == b"PK\x03\x04"
    upload.close()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("accounts.pdf", b"%PDF-1.7\n1 0 obj"),
        ("scan.pdf", b"\xef\xbb\xbf\r\n%PDF-1.4\n"),  # a few bytes before the header
        ("budget.xlsx", zip_of({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>"})),
        ("plan.odt", zip_of({"mimetype": "application/vnd.oasis.opendocument.text"})),
        ("sums.ods", zip_of({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})),
        ("members.csv", "name,paid\nZoë,£5\n".encode()),
        ("excel.csv", "\ufeffname,paid\nAnn,£5\n".encode()),  # Excel's "CSV UTF-8"
        ("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("PHOTO.JPEG", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
    ],
)
def test_each_kind_of_real_file_is_accepted(name, content):
    every_type = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "png", "jpg"]
    validate_upload(SimpleUploadedFile(name, content), allowed_types=every_type, max_size_mb=1)


def test_a_file_of_the_wrong_type_is_refused_naming_what_to_upload():
    assert refusal("plan.exe", b"MZ\x90\x00") == (
        "This file is a .exe. Upload a PDF or Word document (.pdf, .docx)."
    )


def test_the_article_fits_the_first_type_named():
    message = refusal("plan.pdf", b"%PDF-1.4", allowed_types=["xlsx", "csv"], max_size_mb=1)
    assert message == "This file is a .pdf. Upload an Excel spreadsheet or CSV file (.xlsx, .csv)."


def test_a_file_without_an_extension_is_refused():
    assert refusal("plan", b"%PDF-1.4") == (
        "This file's name is without an extension, so we cannot tell what it is. "
        "Upload a PDF or Word document (.pdf, .docx)."
    )


def test_a_web_page_renamed_as_a_pdf_is_refused():
    assert refusal("accounts.pdf", b"<!DOCTYPE html><html><body>Accounts</body></html>") == (
        "This file's name ends in .pdf, but it is not a real PDF. "
        "Open it, save it again as a PDF, and upload that copy."
    )


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04 not really a zip",
        zip_of({"word/document.xml": "<document/>"}),  # no [Content_Types].xml
        zip_of({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>"}),  # a spreadsheet
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # an old .doc, or a password-protected .docx
    ],
    ids=["broken zip", "no content types", "spreadsheet", "old or protected"],
)
def test_a_word_document_must_really_be_one(content):
    assert refusal("plan.docx", content) == (
        "This file's name ends in .docx, but it is not a real Word document. "
        "If it has a password, remove the password first. "
        "Open it, save it again as a Word document, and upload that copy."
    )


def test_an_opendocument_file_must_say_what_it_is_inside():
    spreadsheet = zip_of({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
    message = refusal("plan.odt", spreadsheet, allowed_types=["odt"], max_size_mb=1)
    assert message.startswith("This file's name ends in .odt, but it is not a real OpenDocument")


@pytest.mark.parametrize(
    "content", ["name,paid\nAnn,£5\n".encode("cp1252"), b"name\x00,paid\n"], ids=["ansi", "nul"]
)
def test_a_csv_must_be_utf8_text(content):
    message = refusal("members.csv", content, allowed_types=["csv"], max_size_mb=1)
    assert message == (
        "This file's name ends in .csv, but it is not a real CSV file. In Excel choose Save As, "
        "then 'CSV UTF-8 (Comma delimited)', and upload that copy."
    )


def test_a_file_over_the_limit_says_its_size_and_the_limit():
    content = b"%PDF-1.4\n" + b"0" * (int(12.4 * MB) - 9)
    assert refusal("annual-report.pdf", content) == "This file is 12.4 MB. The limit is 10 MB."


def test_a_file_just_over_the_limit_never_reads_as_within_it():
    content = b"%PDF-1.4\n" + b"0" * (MB - 8)
    message = refusal("report.pdf", content, allowed_types=["pdf"], max_size_mb=1)
    assert message == "This file is 1.1 MB. The limit is 1 MB."


def test_an_empty_file_is_refused():
    assert refusal("plan.pdf", b"") == (
        "This file is empty. Check you chose the right file, then upload it again."
    )


def test_the_file_picker_is_told_what_to_offer():
    assert accept_attribute(["pdf", "jpg"]) == ".pdf,.jpg,.jpeg"
