from django.urls import path

from reports.views import deprivation, public, staff

app_name = "reports"
urlpatterns = [
    path("", staff.reports_page, name="reports"),
    path("export/<slug:dataset>.<str:file_format>", staff.export, name="export"),
    path("what-we-fund/", public.what_we_fund, name="what-we-fund"),
    path("deprivation/", deprivation.deprivation_upload, name="deprivation"),
]
