"""The Open Referral UK search parameters on the list of services:

- `search` (or `text`, the name the first UK profile gave it): words in the
  name or description, or a tag;
- `taxonomy_term_id`, `taxonomy_id`: services with the term, or with any
  term of the taxonomy (open_data.openreferral_taxonomy);
- `organization_id`: the services an organisation runs;
- `postcode` and `proximity`: services within `proximity` metres of the
  postcode's centre (the standard's unit), nearest first. Without
  `proximity`, DEFAULT_PROXIMITY applies.

A value that cannot be used is refused with a reason (SearchRefused)
rather than ignored, so a caller never mistakes a wrong answer for a
right one.
"""

from django.db.models import Q

from neighbourhoods.selectors import nearest, postcode_location
from open_data.openreferral_ids import pk_from
from open_data.openreferral_taxonomy import services_in_taxonomy, services_with_term

METRES_PER_MILE = 1609.344
DEFAULT_PROXIMITY = 5000
LARGEST_PROXIMITY = 200_000


class SearchRefused(ValueError):
    pass


def _proximity(value: str | None) -> float:
    if value in (None, ""):
        return DEFAULT_PROXIMITY
    try:
        metres = float(value)
    except ValueError:
        raise SearchRefused("proximity is a distance in metres, e.g. 2000.") from None
    if not 0 < metres <= LARGEST_PROXIMITY:
        raise SearchRefused(f"proximity is from 1 to {LARGEST_PROXIMITY} metres.")
    return metres


def services_search(services, params):
    """The services matching the query parameters, in the order to show."""
    words = (params.get("search") or params.get("text") or "").strip()
    if words:
        services = services.filter(
            Q(name__icontains=words) | Q(description__icontains=words) | Q(tags__name__iexact=words)
        ).distinct()
    if params.get("taxonomy_term_id"):
        services = services_with_term(services, params["taxonomy_term_id"]).distinct()
    if params.get("taxonomy_id"):
        services = services_in_taxonomy(services, params["taxonomy_id"]).distinct()
    if params.get("organization_id"):
        organisation = pk_from("organization", params["organization_id"])
        services = (
            services.filter(organisation_id=organisation)
            if organisation is not None
            else services.none()
        )
    postcode = (params.get("postcode") or "").strip()
    if params.get("proximity") and not postcode:
        raise SearchRefused("proximity needs a postcode to measure from.")
    if postcode:
        metres = _proximity(params.get("proximity"))
        place = postcode_location(postcode)
        if place is None:
            raise SearchRefused(f"We do not know where the postcode {postcode} is.")
        latitude, longitude = place
        services = nearest(
            services, latitude=latitude, longitude=longitude, within_miles=metres / METRES_PER_MILE
        )
    return services
