"""Staff screens in the Wagtail admin: neighbourhoods, organisations and
the read-only audit trail."""

import django_filters
from django import forms
from django.db import models
from django.urls import path, reverse
from django_fsm_log.models import StateLog
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from community.audit import AUDIT_COLUMNS, AuditTrailPermissionPolicy
from community.forms import ORGANISATION_FIELDS
from community.models import AcvListing, Asset, Neighbourhood, Organisation, Reminder

register_permission_policy(StateLog, AuditTrailPermissionPolicy(StateLog))


class NeighbourhoodViewSet(ModelViewSet):
    model = Neighbourhood
    icon = "site"
    menu_label = "Neighbourhoods"
    list_display = ["name", "population"]
    search_fields = ["name", "description"]
    form_fields = ["name", "slug", "description", "population", "ons_codes", "boundary"]
    inspect_view_enabled = True


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "legal_form", "org_id", "user_led", "lived_experience_led"]
    list_filter = ["legal_form", "user_led", "lived_experience_led", "neighbourhoods"]
    search_fields = ["name", "org_id", "charity_number", "company_number", "postcode"]
    form_fields = ORGANISATION_FIELDS
    inspect_view_enabled = True
    copy_view_enabled = False


class ReadOnlyViewSet(ModelViewSet):
    """A list and a read-only page per row: no URL exists that could add,
    change or delete one."""

    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class AuditTrailViewSet(ReadOnlyViewSet):
    """Every workflow transition, newest first. Only index and inspect
    exist: there is no URL that could add, change or delete a row."""

    model = StateLog
    name = "audit-trail"
    icon = "history"
    menu_label = "Audit trail"
    list_display = AUDIT_COLUMNS
    list_filter = ["content_type", "transition", "timestamp"]
    search_fields = ["transition", "description"]
    ordering = ["-timestamp"]
    inspect_view_enabled = True
    copy_view_enabled = False


class CommunityGroup(ModelViewSetGroup):
    menu_label = "Community"
    menu_icon = "group"
    menu_order = 200
    items = (NeighbourhoodViewSet, OrganisationViewSet, AuditTrailViewSet)


@hooks.register("register_admin_viewset")
def register_community_viewsets():
    return CommunityGroup()


class ReminderViewSet(ReadOnlyViewSet):
    """Officers see what was sent, and what could not be (read only)."""

    model = Reminder
    icon = "mail"
    menu_label = "Reminders"
    list_display = ["created_at", "kind", "recipient", "due_on", "state", "error"]
    list_filter = ["state", "kind", "due_on"]
    search_fields = ["kind", "email_subject"]
    inspect_view_enabled = True
    copy_view_enabled = False


register_permission_policy(Reminder, AuditTrailPermissionPolicy(Reminder))


@hooks.register("register_admin_viewset")
def register_reminders_viewset():
    return ReminderViewSet()


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
    from wagtail.admin.menu import MenuItem

    return MenuItem("Import assets (CSV)", reverse("asset-import"), icon_name="upload", order=215)


@hooks.register("register_admin_menu_item")
def register_asset_review():
    from wagtail.admin.menu import MenuItem

    return MenuItem(
        "Asset claims and suggestions", reverse("asset-review"), icon_name="tick", order=216
    )
