"""The council's grants as 360Giving open data: the package as JSON, the
standard's CSV and spreadsheet, and a page that lists them."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from open_data import threesixty
from open_data.flattening import CONTENT_TYPES, package_flatten

FILE_NAME = "grants-360giving"


def _open(response):
    # Open data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def page(request):
    applications = threesixty.grant_applications()
    return render(
        request,
        "open_data/threesixty.html",
        {
            "count": applications.count(),
            "last_changed": threesixty.last_changed(applications),
            "licence_name": settings.OPEN_DATA_LICENCE_NAME,
            "licence_url": settings.OPEN_DATA_LICENCE_URL,
            "funder": settings.THREESIXTY_GIVING_FUNDER_NAME,
        },
    )


@require_safe
def package_json(request):
    response = JsonResponse(threesixty.grants_package(request), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'inline; filename="{FILE_NAME}.json"'
    return _open(response)


def _flat(request, output_format: str):
    try:
        body = package_flatten(threesixty.grants_package(request), output_format)
    except FileNotFoundError:
        # The standard's schema is not where STANDARDS_DIR says: the JSON
        # can still be had; say so rather than fail.
        return HttpResponse(
            "This file cannot be made just now. The grants are in the JSON file.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(body, content_type=CONTENT_TYPES[output_format])
    response["Content-Disposition"] = f'attachment; filename="{FILE_NAME}.{output_format}"'
    return _open(response)


@require_safe
def package_csv(request):
    return _flat(request, "csv")


@require_safe
def package_xlsx(request):
    return _flat(request, "xlsx")
