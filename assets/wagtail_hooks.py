"""The asset map's staff screens in the Wagtail admin: assets, Assets of
Community Value, the CSV import and the review of claims and suggestions."""

import django_filters
from django import forms
from django.contrib import messages
from django.db import models
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView, EditView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from assets.models import AcvListing, Asset, AssetEvent


class AssetFilterSet(WagtailFilterSet):
    # django-filter does not know taggit's manager: name the filter here.
    tags = django_filters.ModelMultipleChoiceFilter(
        queryset=lambda request: Asset.tags.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Asset
        fields = ["kind", "status", "cost", "accepts_personal_budgets", "neighbourhoods"]


class BoundaryWarningMixin:
    """Saved, but the officer is told when the point lies outside a chosen
    neighbourhood's boundary."""

    def save_instance(self):
        asset = super().save_instance()
        outside = asset.outside_neighbourhoods()
        if outside:
            messages.warning(
                self.request,
                f"{asset.name}'s point is outside the boundary of {', '.join(outside)}. "
                "Check the latitude, longitude and neighbourhoods.",
            )
        return asset


class AssetCreateView(BoundaryWarningMixin, CreateView):
    pass


class AssetEditView(BoundaryWarningMixin, EditView):
    pass


class AssetViewSet(ModelViewSet):
    model = Asset
    add_view_class = AssetCreateView
    edit_view_class = AssetEditView
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
        "address",
        "availability",
        "getting_there",
        "accessibility",
        "cost",
        "cost_details",
        "accepts_personal_budgets",
        "volunteering",
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


# The statutory dates of a listing, in the order an officer meets them,
# each labelled with what the officer or the group does by then.
ACV_DATES = {
    "decision_due": "Decision due by (8 weeks beginning with the nomination)",
    "listed_until": "Listed until (5 years beginning with the listing)",
    "interim_moratorium_ends": (
        "Interim moratorium ends: last day a community group may ask to bid (6 weeks)"
    ),
    "full_moratorium_ends": "Full moratorium ends (6 months beginning with the notice)",
    "protected_period_ends": "Protected period ends (18 months beginning with the notice)",
}


def long_date(day) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


class AcvListingInspectView(InspectView):
    """The listing's page: its facts, then every date the Localism Act sets."""

    def get_field_label(self, field_name, field):
        return ACV_DATES.get(field_name) or super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        if field_name in ACV_DATES:
            day = getattr(self.object, field_name)
            return long_date(day) if day else "Not applicable yet"
        return super().get_field_display_value(field_name, field)


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
        "interim_moratorium_ends",
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
    inspect_view_class = AcvListingInspectView
    inspect_view_fields = [
        "asset",
        "nominated_by",
        "nominated_on",
        "decision_due",
        "decision",
        "decided_on",
        "listed_until",
        "disposal_notice_on",
        "interim_moratorium_ends",
        "community_bid_requested_on",
        "full_moratorium_ends",
        "protected_period_ends",
        "officer",
    ]
    copy_view_enabled = False


class AssetEventViewSet(ModelViewSet):
    """What's on: officers correct or take down any holder's event; holders
    add their own in the portal."""

    model = AssetEvent
    icon = "date"
    menu_label = "What's on"
    list_display = ["title", "asset", "date", "starts"]
    list_filter = ["date"]
    search_fields = ["title", "description"]
    form_fields = [
        "asset",
        "title",
        "description",
        "date",
        "starts",
        "ends",
        "place",
        "cost",
        "booking_link",
    ]
    copy_view_enabled = False

    def formfield_for_dbfield(self, db_field, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, **kwargs)


class AssetsGroup(ModelViewSetGroup):
    menu_label = "Assets"
    menu_icon = "home"
    menu_order = 210
    items = (AssetViewSet, AcvListingViewSet, AssetEventViewSet)


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
