"""Writing an export as CSV or as a spreadsheet, with bounded memory.

CSV is streamed row by row as the database sends it. The spreadsheet is
written by openpyxl's write-only workbook, which keeps no rows in memory,
to a temporary file that is then sent in blocks and removed when closed.
Text that a spreadsheet would run as a formula is defused either way.
"""

import csv
import tempfile
from collections.abc import Iterator
from datetime import datetime

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from foundation.exports import csv_safe
from reports.datasets import Dataset
from reports.forms import ReportFilter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _local(value):
    """Times in UK time, without a zone a spreadsheet cannot hold."""
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None, microsecond=0)
    return value


class _Line:
    """csv.writer writes into this and gets the line back to yield."""

    def write(self, text):
        return text


def _csv_lines(dataset: Dataset, report_filter: ReportFilter) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff"  # so Excel reads the file as UTF-8
    yield writer.writerow([csv_safe(cell) for cell in dataset.header])
    for row in dataset.rows(report_filter):
        yield writer.writerow([csv_safe(_local(cell)) for cell in row])


def _filename(dataset: Dataset, extension: str) -> str:
    return f"{dataset.slug}-{timezone.localdate().isoformat()}.{extension}"


def csv_export(dataset: Dataset, report_filter: ReportFilter) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _csv_lines(dataset, report_filter), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(dataset, "csv")}"'
    return response


def _cell(value):
    value = _local(value)
    return csv_safe(value) if isinstance(value, str) else value


def xlsx_write(dataset: Dataset, report_filter: ReportFilter, target) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=dataset.name[:31])
    sheet.append([csv_safe(cell) for cell in dataset.header])
    for row in dataset.rows(report_filter):
        sheet.append([_cell(cell) for cell in row])
    workbook.save(target)


def xlsx_export(dataset: Dataset, report_filter: ReportFilter) -> FileResponse:
    # An unnamed temporary file: gone from the disk once the response closes it.
    target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (closed by the response)
    xlsx_write(dataset, report_filter, target)
    target.seek(0)
    return FileResponse(
        target, as_attachment=True, filename=_filename(dataset, "xlsx"), content_type=XLSX
    )
