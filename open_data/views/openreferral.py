"""The public, read-only Open Referral UK API over the asset map."""

import math
from functools import wraps

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from open_data import openreferral

DEFAULT_SIZE = 50
LARGEST_SIZE = 200


def _open_to_all(view):
    """Any site may read the directory from a browser: it is open data."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return require_safe(wrapped)


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
    total = queryset.count()
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
def services(request):
    queryset = openreferral.services_queryset()
    if request.GET.get("neighbourhood"):
        queryset = queryset.filter(neighbourhoods__slug=request.GET["neighbourhood"])
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
