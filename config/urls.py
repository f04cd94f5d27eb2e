from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from assets import urls as asset_urls
from foundation.health import health

# One sign-in page for the whole site, which asks staff for their code
# (people.two_factor): the admins' own sign-in pages send people to it.
ONE_SIGN_IN = RedirectView.as_view(pattern_name="account-login", query_string=True)

urlpatterns = [
    # The load balancer's and container platform's probe (foundation.health).
    path("health/", health, name="health"),
    path("admin/login/", ONE_SIGN_IN),
    path("django-admin/login/", ONE_SIGN_IN),
    path("admin/", include(wagtailadmin_urls)),
    # Django's own admin: scheduled-task timings (django-celery-beat) and a
    # read-only view of the audit trail for superusers.
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("people.urls")),
    # The privacy notice; subject access and erasure for administrators.
    path("", include("people.personal_data_urls")),
    path("portal/", include("portal.urls")),
    path("portal/", include("organisations.urls")),
    path("portal/", include("reminders.urls")),
    path("portal/assets/", include(asset_urls.portal)),
    path("assets/", include(asset_urls.public)),
    path("scoring/", include("social_value.urls")),
    path("grants/", include("grants.urls")),
    path("commissioning/", include("commissioning.urls")),
    path("open-data/", include("open_data.urls")),
    path("api/", include("api.urls")),
    path("finance/", include("finance.urls")),
    path("outcomes/", include("outcomes.urls")),
    path("reports/", include("reports.urls")),
    path("lists/", include("support_lists.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("cms.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
