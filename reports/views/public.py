"""The public "What we fund" page: the reports' figures for the grants
published as open data, open to everyone."""

from reports import report
from reports.forms import ReportFilterForm
from reports.views.pages import report_page


def what_we_fund(request):
    form = ReportFilterForm(request.GET or None)
    return report_page(
        request,
        template="reports/what_we_fund.html",
        charts=report.public_report(form.report_filter()),
        form=form,
    )
