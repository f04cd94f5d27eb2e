"""The security headers every response carries (issue #22).

Pages load scripts, styles and images from the site itself only, so a
visitor's browser talks to no one else: not to a font or script CDN, not to
Gravatar, not to Wagtail's update check. The one outside origin allowed is
the council's map tile server, when MAP_TILE_URL names one.

The policy itself is in settings (CONTENT_SECURITY_POLICY, the relaxed one
for the admins, PERMISSIONS_POLICY); these classes only add what settings
cannot say on their own.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

TILE_SUBDOMAINS = "{s}"


def map_tile_origin(url_template: str) -> str:
    """The origin of a Leaflet tile address, as a CSP source.

    "https://tile.example.org/{z}/{x}/{y}.png" gives "https://tile.example.org";
    Leaflet's "{s}" subdomain placeholder becomes a wildcard, so
    "https://{s}.tile.example.org/..." gives "https://*.tile.example.org".
    An empty or relative address gives "".
    """
    parts = urlsplit(url_template)
    if not parts.netloc:
        return ""
    host = parts.netloc.replace(TILE_SUBDOMAINS, "*")
    return f"{parts.scheme}://{host}" if parts.scheme else host


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, adding two things per request:

    - the map tile server's origin (and data:, which Leaflet puts in a tile
      it stops loading) to img-src, when MAP_TILE_URL is set;
    - the relaxed directives of CONTENT_SECURITY_POLICY_RELAXED on its URL
      prefixes: the Wagtail and Django admins write inline scripts and
      styles we do not control, so they get 'unsafe-inline' rather than no
      policy at all.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        extra: dict[str, list[str]] = {}
        if origin := map_tile_origin(getattr(settings, "MAP_TILE_URL", "")):
            extra["img-src"] = [origin, "data:"]
        relaxed = getattr(settings, "CONTENT_SECURITY_POLICY_RELAXED", {})
        if request.path_info.startswith(tuple(relaxed.get("URL_PREFIXES", ()))):
            for directive, sources in relaxed["DIRECTIVES"].items():
                extra.setdefault(directive, []).extend(sources)
        if extra:
            update = {key: list(value) for key, value in (parts.update or {}).items()}
            for directive, sources in extra.items():
                known = update.setdefault(directive, [])
                known.extend(source for source in sources if source not in known)
            parts.update = update
        return parts


class PermissionsPolicyMiddleware:
    """Switches off browser features no page of the site uses (camera,
    microphone, location…), so nothing embedded or injected can ask for
    them. The features and who may use them are settings.PERMISSIONS_POLICY;
    a response that already has the header keeps its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response
