"""Site search across the public pages."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

from cms.forms import SiteSearchForm

RESULTS_PER_PAGE = 10


def search(request):
    form = SiteSearchForm(request.GET)
    words = form.filters()["q"]
    results = (
        Page.objects.live().public().specific().search(words) if words else Page.objects.none()
    )
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"form": form, "words": words, "results": page})
