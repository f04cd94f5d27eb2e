from django.urls import path

from community import views, views_assets, views_upkeep

urlpatterns = [
    path("", views.dashboard, name="portal-dashboard"),
    path("reminders/", views.reminder_settings, name="reminder-settings"),
    path("assets/import/", views_assets.asset_import_view, name="asset-import"),
    path("assets/review/", views_upkeep.asset_review, name="asset-review"),
    path("assets/<int:pk>/claim/", views_upkeep.asset_claim, name="asset-claim"),
    path("assets/<int:pk>/update/", views_upkeep.asset_update, name="asset-update"),
    path("assets/<int:pk>/confirm/", views_upkeep.asset_confirm, name="asset-confirm"),
    path("organisations/new/", views.organisation_create, name="organisation-create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation-detail"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation-edit"),
    path("invitations/<int:pk>/withdraw/", views.invitation_revoke, name="invitation-revoke"),
    path("members/<int:pk>/remove/", views.membership_remove, name="membership-remove"),
    path("invitations/accept/<str:token>/", views.invitation_accept, name="invitation-accept"),
]
