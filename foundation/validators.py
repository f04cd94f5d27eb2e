"""Field validators with messages a volunteer treasurer can act on."""

import re
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from django.core.exceptions import ValidationError

# The Royal Mail format, space optional on input: "SW1A 1AA", "m11ae".
POSTCODE = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$")
# ONS GSS codes: a letter for the nation, two digits for the entity type,
# six digits; wards are E05/W05/S13/N08, LSOAs E01/W01, data zones S01.
ONS_CODE = re.compile(r"^[ENSW]\d{8}$")
GEOJSON_AREA_TYPES = {"Polygon", "MultiPolygon"}


def postcode_normalise(value: str) -> str:
    """Return the postcode upper-cased with its single space, or raise."""
    compact = (value or "").strip().upper()
    if not compact:
        return ""
    match = POSTCODE.match(compact)
    if not match:
        raise ValidationError("Enter a real UK postcode, like SW1A 1AA.", code="invalid_postcode")
    return f"{match.group(1)} {match.group(2)}"


def validate_postcode(value: str) -> None:
    postcode_normalise(value)


def validate_ons_codes(value) -> None:
    if value in (None, ""):
        return
    if not isinstance(value, list):
        raise ValidationError("Give the ONS codes as a list.", code="invalid_ons_codes")
    bad = [code for code in value if not isinstance(code, str) or not ONS_CODE.match(code)]
    if bad:
        raise ValidationError(
            "These are not ONS ward or LSOA codes (like E05011234 or E01000001): %(bad)s",
            params={"bad": ", ".join(str(code) for code in bad)},
            code="invalid_ons_codes",
        )


def _geometry(value: dict) -> dict | None:
    if value.get("type") == "Feature":
        return value.get("geometry")
    if value.get("type") == "FeatureCollection":
        features = value.get("features") or []
        return features[0].get("geometry") if len(features) == 1 else None
    return value


def _ring_ok(ring) -> bool:
    return (
        isinstance(ring, list)
        and len(ring) >= 4
        and all(
            isinstance(point, list | tuple)
            and len(point) >= 2
            and all(isinstance(c, int | float) for c in point[:2])
            and -180 <= point[0] <= 180
            and -90 <= point[1] <= 90
            for point in ring
        )
        and ring[0] == ring[-1]
    )


def validate_boundary_geojson(value) -> None:
    """A neighbourhood boundary is one GeoJSON Polygon or MultiPolygon
    (bare, as a Feature, or as a one-feature FeatureCollection) in WGS84
    longitude/latitude with closed rings."""
    if value in (None, "", {}):
        return
    message = (
        "The boundary must be a GeoJSON Polygon or MultiPolygon in longitude and "
        "latitude, each ring closed (its last point the same as its first)."
    )
    if not isinstance(value, dict):
        raise ValidationError(message, code="invalid_boundary")
    geometry = _geometry(value)
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOJSON_AREA_TYPES:
        raise ValidationError(message, code="invalid_boundary")
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        raise ValidationError(message, code="invalid_boundary")
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon or not all(map(_ring_ok, polygon)):
            raise ValidationError(message, code="invalid_boundary")


# The United Kingdom's extent in WGS84, from the Isles of Scilly to
# Shetland and from County Fermanagh to Lowestoft, with a little margin.
UK_LATITUDE = (Decimal("49.8"), Decimal("60.9"))
UK_LONGITUDE = (Decimal("-8.7"), Decimal("1.8"))


def _coordinate(text) -> Decimal | None:
    """A finite number, or None: "NaN", "Infinity" and words are not."""
    try:
        value = Decimal(str(text).strip())
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def _in_uk(latitude: Decimal, longitude: Decimal) -> bool:
    return (
        UK_LATITUDE[0] <= latitude <= UK_LATITUDE[1]
        and UK_LONGITUDE[0] <= longitude <= UK_LONGITUDE[1]
    )


def coordinates_problems(latitude, longitude) -> tuple[list[str], Decimal | None, Decimal | None]:
    """Check a latitude and longitude typed or imported for a place in the
    UK. Returns the problems, in words an officer can act on, and the two
    numbers when there are none. Both blank is fine: not every asset is a
    place."""
    lat_text = "" if latitude is None else str(latitude).strip()
    lon_text = "" if longitude is None else str(longitude).strip()
    if not lat_text and not lon_text:
        return [], None, None
    if not lat_text or not lon_text:
        return ["give both the latitude and the longitude, or neither"], None, None
    problems = [
        f"{name} “{text}” is not a number"
        for name, text in (("latitude", lat_text), ("longitude", lon_text))
        if _coordinate(text) is None
    ]
    if problems:
        return problems, None, None
    lat, lon = _coordinate(lat_text), _coordinate(lon_text)
    if _in_uk(lat, lon):
        return [], lat, lon
    if _in_uk(lon, lat):
        return (
            [
                f"latitude “{lat_text}” and longitude “{lon_text}” look swapped: in the UK the "
                f"latitude is from {UK_LATITUDE[0]} to {UK_LATITUDE[1]} and the longitude from "
                f"{UK_LONGITUDE[0]} to {UK_LONGITUDE[1]}"
            ],
            None,
            None,
        )
    return (
        [
            f"latitude “{lat_text}”, longitude “{lon_text}” is outside the UK (latitude "
            f"{UK_LATITUDE[0]} to {UK_LATITUDE[1]}, "
            f"longitude {UK_LONGITUDE[0]} to {UK_LONGITUDE[1]})"
        ],
        None,
        None,
    )


def _ring_contains(ring, x: float, y: float) -> bool:
    """Ray casting: a point is inside a ring when a ray from it crosses the
    ring's edges an odd number of times."""
    inside = False
    for (x1, y1), (x2, y2) in pairwise(ring):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def boundary_contains(boundary, latitude, longitude) -> bool | None:
    """Whether a neighbourhood's GeoJSON boundary holds the point; None when
    there is no usable boundary to ask."""
    if not boundary or not isinstance(boundary, dict):
        return None
    geometry = _geometry(boundary)
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOJSON_AREA_TYPES:
        return None
    coordinates = geometry.get("coordinates") or []
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    x, y = float(longitude), float(latitude)
    for polygon in polygons:
        outer = [(float(p[0]), float(p[1])) for p in polygon[0]]
        holes = [[(float(p[0]), float(p[1])) for p in ring] for ring in polygon[1:]]
        if _ring_contains(outer, x, y) and not any(_ring_contains(h, x, y) for h in holes):
            return True
    return False
