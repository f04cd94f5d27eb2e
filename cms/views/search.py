"""Site search across pages, calls, services, community assets and
organisations (cms.site_search)."""

from django.shortcuts import render

from cms.forms import SiteSearchForm
from cms.models import CallIndexPage
from cms.site_search import KINDS, KINDS_PLURAL, site_search


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def search(request):
    form = SiteSearchForm(request.GET)
    chosen = form.filters()
    words = chosen["q"]
    kind = chosen["kind"] if chosen["kind"] in KINDS else ""
    page = _page_number(request.GET.get("page"))
    results, has_next = site_search(words, kind=kind, page=page, request=request)
    return render(
        request,
        "cms/search.html",
        {
            "form": form,
            "words": words,
            "kind": kind,
            "kinds": KINDS_PLURAL,
            "results": results,
            "page_number": page,
            "has_next": has_next,
            # The directories' own filters, one click from the results.
            "calls_index": CallIndexPage.objects.live().public().first(),
        },
    )
