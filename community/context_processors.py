from django.conf import settings


def site(request):
    """The service's name for every page's title and header."""
    return {"site_name": settings.WAGTAIL_SITE_NAME}
