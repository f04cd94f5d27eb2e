"""The filters each list takes, declared so the OpenAPI document lists them."""

import django_filters
from django.utils import timezone

from assets.models import Asset, AssetKind, AssetStatus
from commissioning.models import Tender, TenderState
from grants.models import Application, Payment, Round, State


class RoundFilter(django_filters.FilterSet):
    open = django_filters.BooleanFilter(method="filter_open", label="Open now")

    class Meta:
        model = Round
        fields = ["open"]

    def filter_open(self, queryset, name, value):
        now = timezone.now()
        return queryset.filter(closes_at__gt=now) if value else queryset.filter(closes_at__lte=now)


class TenderFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=TenderState.choices)

    class Meta:
        model = Tender
        fields = ["state"]


class AssetFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=AssetKind.choices)
    status = django_filters.ChoiceFilter(choices=AssetStatus.choices)
    neighbourhood = django_filters.CharFilter(
        field_name="neighbourhoods__slug", label="Neighbourhood (its slug)", distinct=True
    )

    class Meta:
        model = Asset
        fields = ["kind", "status", "neighbourhood"]


class ApplicationFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=State.choices)
    round = django_filters.CharFilter(field_name="round__slug", label="Round (its slug)")

    class Meta:
        model = Application
        fields = ["state", "round"]


class PaymentFilter(django_filters.FilterSet):
    due_before = django_filters.DateFilter(field_name="due_on", lookup_expr="lt")

    class Meta:
        model = Payment
        fields = ["due_before"]
