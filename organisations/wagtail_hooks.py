"""Staff screens in the Wagtail admin: the "Community" group of
neighbourhoods, organisations and the read-only audit trail."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from foundation.viewsets import AuditTrailViewSet
from neighbourhoods.viewsets import NeighbourhoodViewSet
from organisations.forms import ORGANISATION_FIELDS
from organisations.models import Organisation


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


class CommunityGroup(ModelViewSetGroup):
    menu_label = "Community"
    menu_icon = "group"
    menu_order = 200
    items = (NeighbourhoodViewSet, OrganisationViewSet, AuditTrailViewSet)


@hooks.register("register_admin_viewset")
def register_community_viewsets():
    return CommunityGroup()
