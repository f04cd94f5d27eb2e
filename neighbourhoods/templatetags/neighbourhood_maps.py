"""The neighbourhoods' outlines for a page's map: every map in the site
draws them, so a person sees which neighbourhood they are looking at."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import json_script

from neighbourhoods.models import Neighbourhood

register = template.Library()


def outlines_geojson(neighbourhoods=None) -> dict:
    """The outlines as one GeoJSON FeatureCollection, each feature named and
    linking to its neighbourhood's page."""
    if neighbourhoods is None:
        neighbourhoods = Neighbourhood.objects.all()
    features = []
    for n in neighbourhoods.filter(boundary__isnull=False).only("name", "slug", "boundary"):
        try:
            url = reverse("neighbourhood-detail", args=[n.slug])
        except NoReverseMatch:
            url = ""
        features.append(
            {
                "type": "Feature",
                "geometry": n.boundary,
                "properties": {"name": n.name, "url": url},
            }
        )
    return {"type": "FeatureCollection", "features": features}


@register.simple_tag
def neighbourhood_outlines(element_id: str, neighbourhoods=None):
    """`{% neighbourhood_outlines "outlines" %}`: a json_script holding the
    outlines (of the neighbourhoods given, or of all), for the map include's
    `outlines_id`."""
    return json_script(outlines_geojson(neighbourhoods), element_id)
