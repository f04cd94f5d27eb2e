"""Open to anyone, as the public pages are: calls for partners, awards and
the asset map. Read-only."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

from api import filters, serializers
from assets.models import Asset
from cms.call_listing import opened_rounds, published_tenders
from commissioning.models import Lot
from open_data.ocds import AWARDED
from open_data.threesixty import grant_applications


class Public:
    permission_classes = [AllowAny]
    # Open data: no session, so no cookie and no CSRF question arises.
    authentication_classes: list = []
    throttle_classes = [AnonRateThrottle]


@extend_schema(tags=["Calls for partners"], summary="Grant rounds that have opened")
class RoundList(Public, generics.ListAPIView):
    serializer_class = serializers.RoundSerializer
    filterset_class = filters.RoundFilter

    def get_queryset(self):
        return opened_rounds(timezone.now()).select_related("programme").order_by("-opens_at", "pk")


@extend_schema(tags=["Calls for partners"], summary="Tenders that have been published")
class TenderList(Public, generics.ListAPIView):
    serializer_class = serializers.TenderSerializer
    filterset_class = filters.TenderFilter

    def get_queryset(self):
        return published_tenders().order_by("-submission_deadline", "pk")


@extend_schema(tags=["Awards"], summary="Grants published as open data")
class GrantAwardList(Public, generics.ListAPIView):
    serializer_class = serializers.GrantAwardSerializer

    def get_queryset(self):
        return grant_applications()


@extend_schema(tags=["Awards"], summary="Lots awarded in tenders")
class ContractAwardList(Public, generics.ListAPIView):
    serializer_class = serializers.ContractAwardSerializer

    def get_queryset(self):
        return (
            Lot.objects.filter(tender__state__in=AWARDED, winner__isnull=False)
            .select_related("tender", "winner__organisation")
            .order_by("tender_id", "number")
        )


def _assets():
    return (
        Asset.objects.select_related("organisation")
        .prefetch_related("neighbourhoods")
        .order_by("name", "pk")
    )


@extend_schema(tags=["Assets"], summary="The asset map")
class AssetList(Public, generics.ListAPIView):
    serializer_class = serializers.AssetSerializer
    filterset_class = filters.AssetFilter
    queryset = _assets()


@extend_schema(tags=["Assets"], summary="One asset")
class AssetDetail(Public, generics.RetrieveAPIView):
    serializer_class = serializers.AssetSerializer
    queryset = _assets()
