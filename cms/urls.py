"""The public site's own views beside Wagtail's pages."""

from django.urls import path

from cms.views import neighbourhoods, search

urlpatterns = [
    path("search/", search.search, name="site-search"),
    path(
        "neighbourhoods/<slug:slug>/",
        neighbourhoods.neighbourhood_detail,
        name="neighbourhood-detail",
    ),
]
