from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from community import geojson as community_geojson
from community import views as community_views
from community import views_directory as community_directory
from community import views_openreferral as openreferral
from community import views_upkeep as community_upkeep
from community.forms import SignInForm

accounts = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(authentication_form=SignInForm),
        name="account-login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="account-logout"),
    path("sign-up/", community_views.signup, name="account-signup"),
    path("password-reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Django's own admin: scheduled-task timings (django-celery-beat) and a
    # read-only view of the audit trail for superusers.
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include(accounts)),
    path("portal/", include("community.urls")),
    path("scoring/", include("social_value.urls")),
    path("grants/", include("grants.urls")),
    path("commissioning/", include("commissioning.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("search/", cms_views.search, name="site-search"),
    path("open-data/assets.geojson", community_geojson.assets_geojson, name="assets-geojson"),
    path("open-data/openreferral/services/", openreferral.services, name="openreferral-services"),
    path(
        "open-data/openreferral/services/<str:record>/",
        openreferral.service,
        name="openreferral-service",
    ),
    path(
        "open-data/openreferral/organizations/",
        openreferral.organizations,
        name="openreferral-organizations",
    ),
    path(
        "open-data/openreferral/organizations/<str:record>/",
        openreferral.organization,
        name="openreferral-organization",
    ),
    path(
        "open-data/openreferral/locations/", openreferral.locations, name="openreferral-locations"
    ),
    path("assets/", community_directory.asset_directory, name="asset-directory"),
    path("assets/<int:pk>/", community_directory.asset_detail, name="asset-detail"),
    path("assets/suggest/", community_upkeep.asset_suggest, name="asset-suggest-new"),
    path("assets/<int:pk>/suggest/", community_upkeep.asset_suggest, name="asset-suggest"),
    path(
        "neighbourhoods/<slug:slug>/",
        community_directory.neighbourhood_detail,
        name="neighbourhood-detail",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
