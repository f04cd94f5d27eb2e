"""Lists of support, mounted at /lists/: a list by its private link, and a
link worker's recommended lists."""

from django.urls import path

from support_lists.views import recommended, saved

app_name = "support_lists"
urlpatterns = [
    path("add/<int:asset_pk>/", saved.list_add, name="add"),
    path("recommended/", recommended.recommended_index, name="recommended-index"),
    path("recommended/<int:pk>/", recommended.recommended_detail, name="recommended"),
    path("recommended/<int:pk>/link/", recommended.recommended_link, name="recommended-link"),
    path(
        "recommended/<int:pk>/remove/<int:item_pk>/",
        recommended.recommended_remove,
        name="recommended-remove",
    ),
    path("recommend/<int:asset_pk>/", recommended.recommend_asset, name="recommend"),
    path("<str:token>/", saved.list_detail, name="list"),
    path("<str:token>/print/", saved.list_print, name="print"),
    path("<str:token>/share/", saved.list_share, name="share"),
    path("<str:token>/remove/<int:item_pk>/", saved.list_remove, name="remove"),
    path("<str:token>/delete/", saved.list_revoke, name="revoke"),
]
