from django.urls import path

from portal.views import dashboard

urlpatterns = [
    path("", dashboard.dashboard, name="portal-dashboard"),
]
