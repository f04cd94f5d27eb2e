"""The REST API, mounted at /api/: the OpenAPI document at schema/ and
its reference for people at docs/."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from api.views import docs, members, public, refusals, staff

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", docs.reference_page, name="docs"),
    path("calls/rounds/", public.RoundList.as_view(), name="rounds"),
    path("calls/tenders/", public.TenderList.as_view(), name="tenders"),
    path("awards/grants/", public.GrantAwardList.as_view(), name="grant-awards"),
    path("awards/contracts/", public.ContractAwardList.as_view(), name="contract-awards"),
    path("assets/", public.AssetList.as_view(), name="assets"),
    path("assets/<int:pk>/", public.AssetDetail.as_view(), name="asset"),
    path("my/applications/", members.MyApplicationList.as_view(), name="my-applications"),
    path("my/grants/", members.MyGrantList.as_view(), name="my-grants"),
    path("staff/applications/", staff.ApplicationList.as_view(), name="staff-applications"),
    path("staff/payments-due/", staff.PaymentDueList.as_view(), name="staff-payments-due"),
    path("staff/contracts/", staff.ContractList.as_view(), name="staff-contracts"),
    re_path(r"^(?P<rest>.*)$", refusals.not_found),
]
