"""CSV exports that a spreadsheet cannot turn against the person opening them:
every page's CSV download and the reports' files write their cells through
`csv_safe`."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

# A cell starting with one of these is read as a formula by Excel, LibreOffice
# and Google Sheets (OWASP: CSV injection); tab and carriage return too.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def csv_response(*, filename: str, header: list[str], rows: Iterable[Iterable]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return response
