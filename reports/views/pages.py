"""What a report page is made of: the filter, the charts and the numbers
each chart draws, passed to the chart script through json_script."""

from django.shortcuts import render


def report_page(request, *, template: str, charts: list, form, **context):
    return render(
        request,
        template,
        {
            "form": form,
            "charts": charts,
            "drawings": {chart.key: chart.drawing() for chart in charts},
            **context,
        },
    )
