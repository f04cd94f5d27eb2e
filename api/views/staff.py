"""Staff integrations, by API token only, each list behind the permission
its page asks for."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.throttling import UserRateThrottle

from api import filters, serializers
from api.authentication import ApiTokenAuthentication
from api.permissions import APPLICATIONS, CONTRACTS, PAYMENTS, StaffToken
from commissioning.models import Contract
from finance.selectors import payments_to_release
from grants.models import Application, State


class Staff:
    authentication_classes = [ApiTokenAuthentication]
    permission_classes = [StaffToken]
    throttle_classes = [UserRateThrottle]


@extend_schema(tags=["Staff"], summary="Applications submitted to any round")
class ApplicationList(Staff, generics.ListAPIView):
    staff_permission = APPLICATIONS
    serializer_class = serializers.ApplicationSerializer
    filterset_class = filters.ApplicationFilter

    def get_queryset(self):
        # A draft is its organisation's alone until it is submitted.
        return (
            Application.objects.exclude(state=State.DRAFT)
            .select_related("round", "organisation")
            .order_by("reference")
        )


@extend_schema(tags=["Staff"], summary="Approved payments waiting to be released")
class PaymentDueList(Staff, generics.ListAPIView):
    staff_permission = PAYMENTS
    serializer_class = serializers.PaymentDueSerializer
    filterset_class = filters.PaymentFilter

    def get_queryset(self):
        return payments_to_release()


@extend_schema(tags=["Staff"], summary="Contracts")
class ContractList(Staff, generics.ListAPIView):
    staff_permission = CONTRACTS
    serializer_class = serializers.ContractSerializer

    def get_queryset(self):
        return Contract.objects.select_related("lot__tender", "supplier").order_by("pk")
