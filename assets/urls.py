"""The asset map's pages: `public` is mounted at /assets/, `portal` (the
holder's and the officer's pages) at /portal/assets/."""

from django.urls import path

from assets.views import directory, imports, upkeep

public = [
    path("", directory.asset_directory, name="asset-directory"),
    path("<int:pk>/", directory.asset_detail, name="asset-detail"),
    path("suggest/", upkeep.asset_suggest, name="asset-suggest-new"),
    path("<int:pk>/suggest/", upkeep.asset_suggest, name="asset-suggest"),
]

portal = [
    path("import/", imports.asset_import_view, name="asset-import"),
    path("review/", upkeep.asset_review, name="asset-review"),
    path("<int:pk>/claim/", upkeep.asset_claim, name="asset-claim"),
    path("<int:pk>/update/", upkeep.asset_update, name="asset-update"),
    path("<int:pk>/confirm/", upkeep.asset_confirm, name="asset-confirm"),
]
