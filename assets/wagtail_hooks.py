"""The asset map's staff screens in the Wagtail admin: assets, Assets of
Community Value, the CSV import and the review of claims and suggestions."""

import django_filters
from django import forms
from django.db import models
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from assets.models import AcvListing, Asset


class AssetFilterSet(WagtailFilterSet):
    # django-filter does not know taggit's manager: name the filter here.
    tags = django_filters.ModelMultipleChoiceFilter(
        queryset=lambda request: Asset.tags.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Asset
        fields = ["kind", "status", "cost", "neighbourhoods"]


class AssetViewSet(ModelViewSet):
    model = Asset
    icon = "home"
    menu_label = "Assets"
    list_display = ["name", "kind", "status", "last_confirmed"]
    filterset_class = AssetFilterSet
    search_fields = ["name", "description", "postcode"]
    form_fields = [
        "kind",
        "name",
        "description",
        "organisation",
        "neighbourhoods",
        "postcode",
        "latitude",
        "longitude",
        "status",
        "last_confirmed",
        "availability",
        "cost",
        "cost_details",
        "accessibility",
        "contact_name",
        "contact_email",
        "contact_phone",
        "website",
        "tags",
    ]
    copy_view_enabled = False

    def formfield_for_dbfield(self, db_field, **kwargs):
        # A website typed without a scheme is taken as https, as Django 6 will.
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, **kwargs)


class AcvListingViewSet(ModelViewSet):
    model = AcvListing
    icon = "pick"
    menu_label = "Assets of Community Value"
    list_display = [
        "asset",
        "nominated_by",
        "nominated_on",
        "decision_due",
        "decision",
        "listed_until",
    ]
    list_filter = ["decision"]
    form_fields = [
        "asset",
        "nominated_by",
        "nominated_on",
        "decision",
        "decided_on",
        "disposal_notice_on",
        "community_bid_requested_on",
        "officer",
    ]
    inspect_view_enabled = True
    copy_view_enabled = False


class AssetsGroup(ModelViewSetGroup):
    menu_label = "Assets"
    menu_icon = "home"
    menu_order = 210
    items = (AssetViewSet, AcvListingViewSet)


@hooks.register("register_admin_viewset")
def register_asset_viewsets():
    return AssetsGroup()


@hooks.register("register_admin_menu_item")
def register_asset_import():
    return MenuItem("Import assets (CSV)", reverse("asset-import"), icon_name="upload", order=215)


@hooks.register("register_admin_menu_item")
def register_asset_review():
    return MenuItem(
        "Asset claims and suggestions", reverse("asset-review"), icon_name="tick", order=216
    )
