from django.urls import path

from organisations.views import bank_details
from organisations.views import organisations as views

urlpatterns = [
    path("organisations/new/", views.organisation_create, name="organisation-create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation-detail"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation-edit"),
    path("organisations/<int:pk>/bank-details/", bank_details.bank_details, name="bank-details"),
    path(
        "bank-details/to-verify/",
        bank_details.bank_details_to_verify,
        name="bank-details-to-verify",
    ),
    path(
        "bank-details/<int:pk>/verify/",
        bank_details.bank_details_verify,
        name="bank-details-verify",
    ),
    path("invitations/<int:pk>/withdraw/", views.invitation_revoke, name="invitation-revoke"),
    path("members/<int:pk>/remove/", views.membership_remove, name="membership-remove"),
    path("invitations/accept/<str:token>/", views.invitation_accept, name="invitation-accept"),
]
