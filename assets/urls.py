"""The asset map's pages: `public` is mounted at /assets/, `portal` (the
holder's and the officer's pages) at /portal/assets/."""

from django.urls import path

from assets.views import directory, imports, upkeep, whats_on

public = [
    path("", directory.asset_directory, name="asset-directory"),
    path("<int:pk>/", directory.asset_detail, name="asset-detail"),
    path("suggest/", upkeep.asset_suggest, name="asset-suggest-new"),
    path("<int:pk>/suggest/", upkeep.asset_suggest, name="asset-suggest"),
    path("<int:pk>/whats-on.ics", whats_on.asset_events_ical, name="asset-events-ical"),
    path(
        "whats-on/<slug:slug>.ics",
        whats_on.neighbourhood_events_ical,
        name="neighbourhood-events-ical",
    ),
]

portal = [
    path("import/", imports.asset_import_view, name="asset-import"),
    path("review/", upkeep.asset_review, name="asset-review"),
    path("<int:pk>/claim/", upkeep.asset_claim, name="asset-claim"),
    path("<int:pk>/update/", upkeep.asset_update, name="asset-update"),
    path("<int:pk>/confirm/", upkeep.asset_confirm, name="asset-confirm"),
    path("<int:pk>/whats-on/", whats_on.asset_events, name="asset-events"),
    path("<int:pk>/whats-on/add/", whats_on.asset_event_edit, name="asset-event-add"),
    path("<int:pk>/whats-on/<int:event_pk>/", whats_on.asset_event_edit, name="asset-event-edit"),
    path(
        "<int:pk>/whats-on/<int:event_pk>/remove/",
        whats_on.asset_event_remove,
        name="asset-event-remove",
    ),
]
