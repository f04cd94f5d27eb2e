"""Tenders as OCDS open data: a release package and a record package."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from open_data import ocds


def _open(data: dict) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"indent": 2})
    # Open data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def releases(request):
    return _open(ocds.release_package(request))


@require_safe
def records(request):
    try:
        return _open(ocds.record_package(request))
    except FileNotFoundError:
        # Compiling needs the standard's release schema from STANDARDS_DIR.
        response = _open({"error": "Records cannot be compiled just now; see the releases."})
        response.status_code = 503
        return response
