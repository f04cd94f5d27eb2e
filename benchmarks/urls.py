"""The site, and beside it the least Django can answer: the yardstick of
benchmarks/web.py, through the same middleware as every page."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse("hello")


urlpatterns = [path("bare/", bare), path("", include("config.urls"))]
