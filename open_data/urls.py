"""Open data, public and read-only: mounted at /open-data/."""

from django.urls import path, re_path

from open_data.views import geojson, ocds, openreferral, threesixty

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
    path(
        "openreferral/locations/<str:record>/",
        openreferral.location,
        name="openreferral-location",
    ),
    path("openreferral/taxonomies/", openreferral.taxonomies, name="openreferral-taxonomies"),
    path(
        "openreferral/taxonomies/<str:record>/",
        openreferral.taxonomy_detail,
        name="openreferral-taxonomy",
    ),
    path(
        "openreferral/taxonomy_terms/",
        openreferral.taxonomy_terms,
        name="openreferral-taxonomy-terms",
    ),
    path(
        "openreferral/taxonomy_terms/<str:record>/",
        openreferral.taxonomy_term,
        name="openreferral-taxonomy-term",
    ),
    path("openreferral/", openreferral.about, name="openreferral"),
    re_path(r"^openreferral/(?P<rest>.*)$", openreferral.not_found),
    path("grants/", threesixty.page, name="threesixty-page"),
    path("grants/360giving.json", threesixty.package_json, name="threesixty-json"),
    path("grants/360giving.csv", threesixty.package_csv, name="threesixty-csv"),
    path("grants/360giving.xlsx", threesixty.package_xlsx, name="threesixty-xlsx"),
    path("tenders/ocds-releases.json", ocds.releases, name="ocds-releases"),
    path("tenders/ocds-records.json", ocds.records, name="ocds-records"),
]
