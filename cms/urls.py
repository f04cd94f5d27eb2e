"""The public site's own views beside Wagtail's pages."""

from django.urls import path

from cms.views import neighbourhoods, search, where_i_live, widget

urlpatterns = [
    path("search/", search.search, name="site-search"),
    # The search other sites embed: its page, its script and its answers.
    path("widget/", widget.widget_page, name="widget"),
    path("widget/widget.js", widget.widget_script, name="widget-script"),
    path("widget/search.json", widget.widget_search, name="widget-search"),
    path("neighbourhoods/", where_i_live.neighbourhood_index, name="neighbourhood-index"),
    path(
        "neighbourhoods/<slug:slug>/",
        neighbourhoods.neighbourhood_detail,
        name="neighbourhood-detail",
    ),
]
