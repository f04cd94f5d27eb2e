"""Open data, public and read-only: mounted at /open-data/."""

from django.urls import path

from open_data.views import geojson, openreferral

urlpatterns = [
    path("assets.geojson", geojson.assets_geojson, name="assets-geojson"),
    path("openreferral/services/", openreferral.services, name="openreferral-services"),
    path(
        "openreferral/services/<str:record>/",
        openreferral.service,
        name="openreferral-service",
    ),
    path(
        "openreferral/organizations/",
        openreferral.organizations,
        name="openreferral-organizations",
    ),
    path(
        "openreferral/organizations/<str:record>/",
        openreferral.organization,
        name="openreferral-organization",
    ),
    path("openreferral/locations/", openreferral.locations, name="openreferral-locations"),
]
