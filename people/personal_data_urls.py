"""The privacy notice, and administrators' pages for subject access and
erasure (UK GDPR)."""

from django.urls import path

from people.views import personal_data, privacy

urlpatterns = [
    path("privacy/", privacy.privacy, name="privacy"),
    path("people/personal-data/", personal_data.person_find, name="personal-data-find"),
    path("people/<int:pk>/personal-data/", personal_data.personal_data_page, name="personal-data"),
    path(
        "people/<int:pk>/personal-data.json",
        personal_data.personal_data_json,
        name="personal-data-json",
    ),
    path("people/<int:pk>/erase/", personal_data.person_erase_page, name="person-erase"),
]
