"""The public, read-only Open Referral UK API over the asset map: open to
any site (CORS), no cookies, every refusal as JSON with a reason."""

import math
from functools import wraps

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from open_data import openreferral
from open_data import openreferral_taxonomy as taxonomy
from open_data.openreferral_search import SearchRefused, services_search

DEFAULT_SIZE = 50
LARGEST_SIZE = 200
PROFILE = "https://openreferraluk.org/"
OPENAPI = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"


def _open_to_all(view):
    """Any site may read the directory from a browser: it is open data. No
    session is read or written, so no cookie goes with the answer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    safe = require_safe(wrapped)

    @wraps(view)
    def refusing_as_json(request, *args, **kwargs):
        response = safe(request, *args, **kwargs)
        if response.status_code == 405:
            refusal = _refuse(405, "This API only answers GET and HEAD.")
            refusal["Allow"] = response["Allow"]
            refusal["Access-Control-Allow-Origin"] = "*"
            return refusal
        return response

    return refusing_as_json


def _refuse(status: int, reason: str) -> JsonResponse:
    return JsonResponse({"error": reason}, status=status)


def _page(request, queryset, render):
    try:
        number = int(request.GET.get("page", 1))
        size = int(request.GET.get("per_page", DEFAULT_SIZE))
    except ValueError:
        return _refuse(400, "page and per_page must be whole numbers.")
    if number < 1 or not 1 <= size <= LARGEST_SIZE:
        return _refuse(400, f"page starts at 1; per_page is from 1 to {LARGEST_SIZE}.")
    rows = queryset if isinstance(queryset, list) else None
    total = len(rows) if rows is not None else queryset.count()
    pages = max(1, math.ceil(total / size))
    rows = list(queryset[(number - 1) * size : number * size])
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": pages,
            "page_number": number,
            "size": len(rows),
            "first_page": number == 1,
            "last_page": number >= pages,
            "empty": not rows,
            "contents": [render(row) for row in rows],
        }
    )


def _one(queryset, kind, value, render):
    pk = openreferral.pk_from(kind, value)
    row = queryset.filter(pk=pk).first() if pk is not None else None
    if row is None:
        return _refuse(404, f"No {kind} has the id {value}.")
    return JsonResponse(render(row))


@_open_to_all
def about(request):
    return JsonResponse({"version": "3.0", "profile": PROFILE, "openapi_url": OPENAPI})


@_open_to_all
def services(request):
    queryset = openreferral.services_queryset()
    if request.GET.get("neighbourhood"):
        queryset = queryset.filter(neighbourhoods__slug=request.GET["neighbourhood"])
    try:
        queryset = services_search(queryset, request.GET)
    except SearchRefused as refusal:
        return _refuse(400, str(refusal))
    return _page(request, queryset, lambda asset: openreferral.service(asset, request))


@_open_to_all
def service(request, record):
    return _one(
        openreferral.services_queryset(),
        "service",
        record,
        lambda asset: openreferral.service(asset, request),
    )


@_open_to_all
def organizations(request):
    return _page(
        request,
        openreferral.organizations_queryset(),
        lambda org: openreferral.organization(org, request),
    )


@_open_to_all
def organization(request, record):
    return _one(
        openreferral.organizations_queryset(),
        "organization",
        record,
        lambda org: openreferral.organization(org, request),
    )


@_open_to_all
def locations(request):
    return _page(request, openreferral.locations_queryset(), openreferral.location)


@_open_to_all
def location(request, record):
    return _one(openreferral.locations_queryset(), "location", record, openreferral.location)


@_open_to_all
def taxonomies(request):
    return _page(
        request, list(taxonomy.TAXONOMIES), lambda number: taxonomy.taxonomy(number, request)
    )


@_open_to_all
def taxonomy_detail(request, record):
    number = openreferral.pk_from("taxonomy", record)
    if number not in taxonomy.TAXONOMIES:
        return _refuse(404, f"No taxonomy has the id {record}.")
    return JsonResponse(taxonomy.taxonomy(number, request))


@_open_to_all
def taxonomy_terms(request):
    terms = [taxonomy.kind_term(kind) for kind in taxonomy.KINDS]
    return _page(request, terms + list(taxonomy.used_tags()), _term)


def _term(row):
    return row if isinstance(row, dict) else taxonomy.tag_term(row)


@_open_to_all
def taxonomy_term(request, record):
    term = taxonomy.term_by_id(record)
    if term is None:
        return _refuse(404, f"No taxonomy term has the id {record}.")
    return JsonResponse(term)


def not_found(request, rest=""):
    """Any other address under the API answers in JSON too."""
    response = _refuse(
        404, f"There is nothing at {request.path}. Start at {reverse('openreferral')}."
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
