"""Site search across the public pages."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

RESULTS_PER_PAGE = 10


def search(request):
    words = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if words:
        results = Page.objects.live().public().specific().search(words)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"words": words, "results": page})
