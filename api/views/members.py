"""A partner organisation's own records, for its members: the same rows
its members see on their dashboard, by session or API token."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.permissions import IsAuthenticated
from rest_framework.throttling import UserRateThrottle

from api import filters, serializers
from grants.models import Application, Award
from grants.selectors import applications_of_user


@extend_schema(tags=["Your organisation"], summary="Your organisations' applications")
class MyApplicationList(generics.ListAPIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [UserRateThrottle]
    queryset = Application.objects.none()  # the model, for the OpenAPI document
    serializer_class = serializers.ApplicationSerializer
    filterset_class = filters.ApplicationFilter

    def get_queryset(self):
        return applications_of_user(user=self.request.user).distinct().order_by("-updated_at", "pk")


@extend_schema(tags=["Your organisation"], summary="Your organisations' grants")
class MyGrantList(generics.ListAPIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [UserRateThrottle]
    queryset = Award.objects.none()  # the model, for the OpenAPI document
    serializer_class = serializers.GrantSerializer

    def get_queryset(self):
        return (
            Award.objects.filter(application__organisation__memberships__user=self.request.user)
            .select_related("application__organisation")
            .distinct()
            .order_by("-starts_on", "pk")
        )
