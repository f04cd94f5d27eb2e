from django.urls import path

from organisations.views import organisations as views

urlpatterns = [
    path("organisations/new/", views.organisation_create, name="organisation-create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation-detail"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation-edit"),
    path("invitations/<int:pk>/withdraw/", views.invitation_revoke, name="invitation-revoke"),
    path("members/<int:pk>/remove/", views.membership_remove, name="membership-remove"),
    path("invitations/accept/<str:token>/", views.invitation_accept, name="invitation-accept"),
]
