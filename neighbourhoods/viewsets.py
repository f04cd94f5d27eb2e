"""The neighbourhoods screen of the Wagtail admin."""

from wagtail.admin.viewsets.model import ModelViewSet

from neighbourhoods.models import Neighbourhood


class NeighbourhoodViewSet(ModelViewSet):
    model = Neighbourhood
    icon = "site"
    menu_label = "Neighbourhoods"
    list_display = ["name", "population"]
    search_fields = ["name", "description"]
    form_fields = ["name", "slug", "description", "population", "ons_codes", "boundary"]
    inspect_view_enabled = True
