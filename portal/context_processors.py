from django.conf import settings


def site(request):
    """The service's name for every page, and the map's tile server."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "map_tiles": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
