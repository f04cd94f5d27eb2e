"""Reports across programmes and their exports, for the staff with the
reports permission (grants officers, commissioners, administrators)."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404

from reports import files, report
from reports.datasets import DATASETS
from reports.forms import ReportFilterForm
from reports.models import REPORTS
from reports.services import exports
from reports.views.pages import report_page

FORMATS = {"csv": files.csv_export, "xlsx": files.xlsx_export}


@permission_required(REPORTS, raise_exception=True)
def reports_page(request):
    form = ReportFilterForm(request.GET or None)
    return report_page(
        request,
        template="reports/reports.html",
        charts=report.staff_report(form.report_filter()),
        form=form,
        datasets=DATASETS.values(),
        query=request.GET.urlencode(),
    )


@permission_required(REPORTS, raise_exception=True)
def export(request, dataset, file_format):
    if dataset not in DATASETS or file_format not in FORMATS:
        raise Http404("There is no such export.")
    report_filter = ReportFilterForm(request.GET or None).report_filter()
    exports.export_record(
        actor=request.user, dataset=dataset, file_format=file_format, report_filter=report_filter
    )
    return FORMATS[file_format](DATASETS[dataset], report_filter)
